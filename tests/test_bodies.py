"""Bodies: recognised in the text and named in full, with the plan's province resolved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planparse.lang import vocab
from planparse.lang.bodies import (BodyReader, _words, commas_before_bodies, may_open_a_body_past_a_comma,
                                   may_open_a_list, province_of)


def names(text: str, province: str | None = "Lai Châu") -> list[str]:
    mentions = BodyReader(province).listing(text)
    assert mentions is not None, text
    return [m.name for m in mentions]


@pytest.mark.parametrize(("written", "full"), [
    ("Sở TTTT", "Sở Thông tin và Truyền thông"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở VHTT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
    ("Trung tâm CNTT&TT", "Trung tâm Công nghệ thông tin và Truyền thông"),
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("UBND huyện Bố Trạch", "Ủy ban nhân dân huyện Bố Trạch"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Sở Công thương", "Sở Công Thương"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
])
def test_abbreviations_and_variants_are_written_out(written, full):
    assert names(written) == [full]


@pytest.mark.parametrize(("written", "full"), [
    ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình Lai Châu"),
    ("Đài Phát thanh - Truyền hình tỉnh", "Đài Phát thanh và Truyền hình Lai Châu"),
    ("Báo tỉnh", "Báo Lai Châu"),
    ("Sở Tài chính tỉnh Lai Châu", "Sở Tài chính"),  # a department: the level is implied
    ("Công an tỉnh", "Công an tỉnh"),  # a levelled body keeps its unit
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
])
def test_the_province_is_resolved(written, full):
    assert names(written) == [full]


def test_a_press_body_keeps_its_unit_when_the_province_is_unknown():
    assert names("Đài PT-TH tỉnh", province=None) == ["Đài Phát thanh và Truyền hình tỉnh"]


@pytest.mark.parametrize(("old", "new"), [
    ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
    ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"),
    ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"),
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Đài PT-TH tỉnh", "Báo và Phát thanh, Truyền hình Lai Châu"),
])
def test_merged_bodies_know_what_they_became(old, new):
    [mention] = BodyReader("Lai Châu").listing(old)
    assert mention.successor == new


@pytest.mark.parametrize("name", ["Sở Nông nghiệp và Môi trường", "Báo và Phát thanh, Truyền hình Tuyên Quang",
                                  "Sở Tài chính"])
def test_bodies_named_after_the_mergers_are_current(name):
    [mention] = BodyReader("Tuyên Quang").listing(name)
    assert (mention.name, mention.successor) == (name, None)


@pytest.mark.parametrize(("written", "groups"), [
    ("Các sở, ban, ngành; UBND các huyện, thành phố", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("UBND các xã, phường", ["Ủy ban nhân dân các xã, phường"]),
    ("Các cơ quan báo chí tỉnh", ["Các cơ quan báo chí tỉnh"]),
    ("Các doanh nghiệp viễn thông trên địa bàn tỉnh", ["Các doanh nghiệp viễn thông trên địa bàn tỉnh"]),
    # FACTS.md: a plural or a list of generic nouns is a collective body, unless liên quan qualifies it
    ("các cơ quan, đơn vị, địa phương", ["Các cơ quan, đơn vị, địa phương"]),
    ("Các địa phương", ["Các địa phương"]),
    ("các cơ quan, đơn vị khác", ["Các cơ quan, đơn vị khác"]),
    ("các đơn vị trên địa bàn tỉnh", ["Các đơn vị trên địa bàn tỉnh"]),
])
def test_collective_bodies(written, groups):
    mentions = BodyReader("Lai Châu").listing(written)
    assert [m.name for m in mentions] == groups
    assert all(m.collective and not m.catchall for m in mentions)


@pytest.mark.parametrize(("text", "group"), [
    ("Các cơ quan chuyên môn thuộc tỉnh đã thực hiện rà soát", "Các cơ quan chuyên môn thuộc tỉnh"),  # thuộc a level
    ("Các cơ quan tổ chức thực hiện", "Các cơ quan"),  # tổ chức the verb, not a second group noun
])
def test_where_a_group_ends_before_its_duty(text, group):
    (mention,) = BodyReader("Lâm Đồng").run(text, 0)
    assert (mention.name, mention.catchall) == (group, False)


@pytest.mark.parametrize("written", ["các cơ quan, đơn vị liên quan", "các đơn vị có liên quan",
                                     "các sở, ngành liên quan", "cơ quan", "đơn vị khác", "các đơn vị thuộc",
                                     "các cơ quan tổ chức, cá nhân có liên quan"])  # a comma left out
def test_catch_alls_are_not_bodies(written):
    assert all(m.catchall for m in BodyReader("Lai Châu").listing(written))


@pytest.mark.parametrize("text", ["Báo chí tập trung truyền thông", "Ban hành quy chế", "Hội nghị tổng kết",
                                  "Bộ phận Một cửa", "Tổ chức đào tạo, nâng cao kiến thức"])
def test_words_that_open_like_a_body_are_not_one(text):
    assert BodyReader("Lai Châu").run(text, 0) == []


@pytest.mark.parametrize(("text", "found"), [
    ("phối hợp với Sở Tài nguyên và Môi trường, Đài Khí tượng thủy văn tỉnh theo dõi chặt chẽ",
     ["Sở Tài nguyên và Môi trường", "Đài Khí tượng thủy văn tỉnh"]),
    ("phối hợp với Văn phòng Điều phối nông thôn mới huyện tham mưu Ủy ban nhân dân huyện",
     ["Văn phòng Điều phối nông thôn mới huyện"]),
    ("phối hợp với Công an tỉnh tổ chức diễn tập", ["Công an tỉnh"]),
    ("phối hợp với Sở Tài chính bảo đảm dự trữ", ["Sở Tài chính"]),
])
def test_a_name_ends_where_the_duty_begins(text, found):
    start = text.index("với ") + 4
    assert [m.name for m in BodyReader("Nghệ An").run(text, start, bare=True)] == found


def test_word_segmentation_finds_the_end_of_an_unknown_name():
    text = "phối hợp với Phòng Quản lý Công nghệ thông tin cảnh báo các đơn vị"
    start = text.index("Phòng")
    assert [m.name for m in BodyReader(None).run(text, start)] == ["Phòng Quản lý Công nghệ thông tin"]


@pytest.mark.parametrize(("names_", "province"), [
    (("Ủy ban nhân dân tỉnh Lai Châu", None), "Lai Châu"),
    ((None, "Đồng Nai"), "Đồng Nai"),
    (("Ủy ban nhân dân huyện Cẩm Khê", "Cẩm Khê"), None),
])
def test_province_of_the_issuer_or_place(names_, province):
    assert province_of(*names_) == province


@pytest.mark.parametrize(("text", "found"), [
    # a ministry's units are named in sentence case (the decrees on each ministry's organisation)
    ("phối hợp với Cục Biến đổi khí hậu, Vụ Hợp tác quốc tế và Viện Khoa học lâm nghiệp Việt Nam tổ chức hội thảo",
     ["Cục Biến đổi khí hậu", "Vụ Hợp tác quốc tế", "Viện Khoa học lâm nghiệp Việt Nam"]),
    ("phối hợp với Vụ Vật liệu xây dựng là cơ quan tham mưu", ["Vụ Vật liệu xây dựng"]),
    ("phối hợp với Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường thiết lập Hệ thống",
     ["Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường"]),
    ("phối hợp với Cục Kiểm soát ô nhiễm môi trường có trách nhiệm", ["Cục Kiểm soát ô nhiễm môi trường"]),
    ("phối hợp với Phòng Quản lý đô thị thuộc Ủy ban nhân dân", ["Phòng Quản lý đô thị"]),
])
def test_a_name_in_sentence_case_runs_to_its_duty(text, found):
    start = text.index("với ") + 4
    assert [m.name for m in BodyReader(None).run(text, start, bare=True)] == found


@pytest.mark.parametrize(("text", "name"), [
    # the Government's own groups and the provinces as a level (Luật Tổ chức Chính phủ, Luật Tổ chức chính quyền
    # địa phương: bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; tỉnh, thành phố trực thuộc trung ương)
    ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ có trách nhiệm",
     "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
    ("Các bộ, cơ quan trung ương cân đối kinh phí", "Các bộ, cơ quan trung ương"),
    ("Các Cục, Vụ có trách nhiệm", "Các Cục, Vụ"),
    ("Các tập đoàn kinh tế, tổng công ty nhà nước chủ động", "Các tập đoàn kinh tế, tổng công ty nhà nước"),
])
def test_groups_at_the_central_level(text, name):
    assert [m.name for m in BodyReader(None).run(text, 0)] == [name]


def test_a_name_learned_from_a_heading_is_matched_whole_in_prose():
    reader = BodyReader(None)
    heading = "Phòng Bưu chính, Viễn thông và Công nghệ thông tin"
    (mention,) = reader.listing(heading)
    reader.learn(heading, mention)
    text = "phối hợp với Phòng Bưu chính, Viễn thông và Công nghệ thông tin sát sao hướng dẫn các đơn vị"
    assert [m.name for m in reader.run(text, text.index("Phòng"), bare=True)] == [heading]


@pytest.mark.parametrize(("text", "names"), [
    # a position stands for the body it heads (FACTS.md)
    ("Thủ trưởng các sở, ban, ngành chủ động", ["Các sở, ban, ngành"]),
    ("Chủ tịch UBND các xã tổ chức", ["Ủy ban nhân dân các xã"]),
    ("Giám đốc Sở Tài chính chủ trì", ["Sở Tài chính"]),
    ("Trưởng Ban Quản lý quy hoạch chịu trách nhiệm", ["Ban Quản lý quy hoạch"]),
    # a position alone in a list names its group: the heads of ministries, agencies and provinces
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các "
     "tỉnh, thành phố trực thuộc trung ương có trách nhiệm",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ tập trung chỉ đạo", ["Các bộ, cơ quan ngang bộ"]),
    # a position whose own words hold a group noun (Trưởng ban) is one position, not a position and a group
    ("Trưởng ban: ông Nguyễn Văn A", []),
])
def test_a_position_reads_as_the_body_it_heads(text, names):
    assert [m.name for m in BodyReader(None).run(text, 0)] == names


@pytest.mark.parametrize(("text", "name", "catchall"), [
    # a group that belongs to a body is narrowed by it and named with its canonical name
    ("các đơn vị truyền thông thuộc Bộ TN&MT xây dựng", "Các đơn vị truyền thông thuộc Bộ Tài nguyên và Môi trường",
     False),
    ("cơ quan chuyên môn thuộc UBND các tỉnh, thành phố trực thuộc trung ương trong việc",
     "Cơ quan chuyên môn thuộc Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", False),
    ("các đơn vị có liên quan thuộc Bộ Tài chính.", "Các đơn vị có liên quan thuộc Bộ Tài chính", True),
    ("các đơn vị thuộc Bộ Tài chính có liên quan phối hợp", "Các đơn vị thuộc Bộ Tài chính", True),
    # của as thuộc: the group's body may be a group itself, or the organisation the text is about, by its head
    ("Cơ quan trung ương của các tổ chức chính trị - xã hội;",
     "Cơ quan trung ương của các tổ chức chính trị - xã hội", False),
    ("các ban chức năng của Liên đoàn để tổ chức thực hiện", "Các ban chức năng của Liên đoàn", False),
])
def test_a_group_belonging_to_a_body(text, name, catchall):
    (mention,) = BodyReader(None).run(text, 0, bare=True)
    assert (mention.name, mention.catchall) == (name, catchall)


@pytest.mark.parametrize(("text", "names"), [
    # the Mặt trận's member organisations and their written short forms (Điều lệ MTTQ Việt Nam)
    ("Tỉnh đoàn, Hội LHPN tỉnh, Hội Nông dân tỉnh, Hội CCB tỉnh, LĐLĐ tỉnh phối hợp",
     ["Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh",
      "Liên đoàn Lao động tỉnh"]),
    ("Thành đoàn chủ trì", ["Thành đoàn"]),
    # the national bodies of the mass organisations
    ("Bộ Nội vụ, Tổng Liên đoàn Lao động Việt Nam rà soát",
     ["Bộ Nội vụ", "Tổng Liên đoàn Lao động Việt Nam"]),
    # a name the word segmenter reads from its joiner on (và Công nghiệp Việt Nam)
    ("Văn phòng Đại diện Liên đoàn Thương mại và Công nghiệp Việt Nam tại Bình Thuận tổ chức",
     ["Văn phòng Đại diện Liên đoàn Thương mại và Công nghiệp Việt Nam"]),
    # the Party's committees and organisations, and the Party committee of a mass body (Điều lệ Đảng)
    ("Các cấp ủy, tổ chức đảng chủ trì", ["Các cấp ủy, tổ chức đảng"]),
    ("Đảng ủy Mặt trận Tổ quốc, Ủy ban nhân dân tỉnh chủ trì", ["Đảng ủy Mặt trận Tổ quốc", "Ủy ban nhân dân tỉnh"]),
    # the provinces' Party committees of 2025 (Kết luận 121-KL/TW), one of them named with a comma
    ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh, Đảng ủy UBND tỉnh chủ trì",
     ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"]),
    # national parks, companies (Luật Lâm nghiệp, Luật Doanh nghiệp)
    ("Vườn quốc gia Bạch Mã, Công ty TNHH MTV Lâm nghiệp Hương Sơn thực hiện",
     ["Vườn quốc gia Bạch Mã", "Công ty TNHH MTV Lâm nghiệp Hương Sơn"]),
    # a group's duty verb ends it (Hội: a plural of associations, vận động: mobilise)
    ("Các Hội vận động hội viên tích cực tham gia", ["Các Hội"]),
    # a ministry's units by their short forms
    ("Vụ KHTC, Vụ HTQT chủ trì", ["Vụ Kế hoạch - Tài chính", "Vụ Hợp tác quốc tế"]),
    ("Văn phòng Bộ, Thanh tra Bộ chủ trì", ["Văn phòng Bộ", "Thanh tra Bộ"]),
    ("Cục Chuyển đổi số và Thông tin dữ liệu TNMT chủ trì",  # its name in Nghị định 68/2022/NĐ-CP
     ["Cục Chuyển đổi số và Thông tin dữ liệu tài nguyên môi trường"]),
    # a level rather than named units, and the local levels after the 2025 reform
    ("UBND cấp xã chủ trì", ["Ủy ban nhân dân cấp xã"]),
    ("UBND các xã, phường, đặc khu chủ trì", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    # service units, community teams
    ("Bệnh viện Đa khoa tỉnh, Trạm Y tế các xã chủ trì", ["Bệnh viện Đa khoa tỉnh", "Trạm Y tế các xã"]),
    ("các Tổ công nghệ số cộng đồng triển khai", ["Các Tổ công nghệ số cộng đồng"]),
    # teams, whose names open in lower case
    ("Tổ công tác liên ngành, Tổ giúp việc Ban Chỉ đạo chủ trì", ["Tổ công tác liên ngành", "Tổ giúp việc Ban Chỉ đạo"]),
    ("Tổ dân phố thực hiện việc rà soát", ["Tổ dân phố"]),
    # an association's board, whose head holds a position's word (Ban Chủ nhiệm)
    ("Ban Chủ nhiệm Đoàn Luật sư tỉnh chủ trì", ["Ban Chủ nhiệm Đoàn Luật sư tỉnh"]),
])
def test_bodies_at_every_level(text, names):
    assert [m.name for m in BodyReader("Nghệ An").run(text, 0)] == names


@pytest.mark.parametrize("text", ["Tổ chức tập huấn cho cán bộ", "Ban hành kế hoạch thực hiện"])
def test_a_verb_opening_with_a_head_noun_is_no_body(text):
    assert BodyReader(None).run(text, 0) == []


@pytest.mark.parametrize(("cell", "names"), [
    ("- Vụ Vật liệu xây dựng; - Vụ Kế hoạch -Tài chính.", ["Vụ Vật liệu xây dựng", "Vụ Kế hoạch - Tài chính"]),
    ("Vụ Kế hoạch- Tài chính/ Ban Quản lý quy hoạch.", ["Vụ Kế hoạch - Tài chính", "Ban Quản lý quy hoạch"]),
    ("Ban Quản lý quy hoạch/Văn phòng Bộ", ["Ban Quản lý quy hoạch", "Văn phòng Bộ"]),
])
def test_a_cell_lists_bodies_as_bullets_or_with_slashes(cell, names):
    assert [m.name for m in BodyReader(None).run(cell, 0, bare=True)] == names


@pytest.mark.parametrize("text", ["các cơ quan được phân công chủ trì", "các đơn vị được giao chủ trì"])
def test_a_group_named_by_its_assignment_alone_is_a_catch_all(text):
    (mention,) = BodyReader(None).run(text, 0, bare=True)
    assert mention.catchall


def test_a_government_agency_merged_in_2025_keeps_its_successor():
    text = "phối hợp với Ủy ban quản lý vốn nhà nước tại doanh nghiệp rà soát"
    (mention,) = BodyReader(None).run(text, text.index("Ủy"), bare=True)
    assert (mention.name, mention.successor) == ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "Bộ Tài chính")


def test_a_catch_all_closes_a_group_past_an_adverbial_phrase():
    text = "cơ quan chuyên môn theo ngành, lĩnh vực có liên quan thực hiện"
    (mention,) = BodyReader(None).run(text, 0, bare=True)
    assert mention.catchall


def test_a_catch_all_qualifier_closes_only_the_group_it_follows():
    """``các X, Y có liên quan`` qualifies the nouns of its own các; the groups listed before it stay bodies."""
    text = "Các đơn vị thuộc các Bộ quản lý lĩnh vực, các tổ chức quốc tế, các Viện nghiên cứu, Trường Đại học có liên quan."
    found = [(m.name, m.catchall) for m in BodyReader(None).run(text, 0, bare=True)]
    assert found == [("Các đơn vị thuộc các Bộ quản lý lĩnh vực", False), ("Các tổ chức quốc tế", False),
                     ("Các Viện nghiên cứu, Trường Đại học có liên quan", True)]


@pytest.mark.parametrize(("written", "full"), [
    ("Vu Tổ chức cán bộ", "Vụ Tổ chức cán bộ"),
    ("So Tài chính", "Sở Tài chính"),
    ("Cuc Thống kê, Bo Nội vụ", "Cục Thống kê, Bộ Nội vụ"),
])
def test_a_head_written_without_its_marks_before_a_name_with_marks_is_that_head(written, full):
    assert ", ".join(names(written)) == full


@pytest.mark.parametrize("text", ["Vu Lan", "So sánh kết quả", "Bo Bo"])
def test_a_bare_spelling_of_a_head_before_no_name_with_marks_is_no_body(text):
    assert not BodyReader().find_all(text)


def test_a_consultant_named_in_a_list_of_bodies_is_a_body_and_the_verb_tu_van_is_none():
    # Tư vấn is a consultant (đơn vị tư vấn) as a noun; qualified it names one, alone it names no body
    assert names("Ban Quản lý dự án/Tư vấn được lựa chọn") == ["Ban Quản lý dự án", "Tư vấn được lựa chọn"]
    assert not BodyReader().find_all("Tư vấn, hỗ trợ doanh nghiệp xây dựng kế hoạch.")


@pytest.mark.parametrize(("written", "expected"), [
    # a group belonging to a group of bodies is narrowed by it; a list item opened by its own các is a group of its own
    ("Các đơn vị thuộc các Bộ quản lý ngành, các doanh nghiệp nhà nước",
     [("Các đơn vị thuộc các Bộ quản lý ngành", False), ("Các doanh nghiệp nhà nước", False)]),
    ("các đơn vị thuộc các sở, ngành có liên quan", [("Các đơn vị thuộc", True)]),  # a catch-all's units: a catch-all
    ("các viện nghiên cứu, trường đại học có liên quan", [("Các viện nghiên cứu, trường đại học có liên quan", True)]),
])
def test_groups_narrowed_by_a_group_and_compound_group_nouns(written, expected):
    assert [(m.name, m.catchall) for m in BodyReader().run(written, 0, bare=True)] == expected


@pytest.mark.parametrize(("text", "opens"), [
    ("Chủ trì, phối hợp với các sở", False), ("Tổ chức tập huấn", False), ("Tổng hợp, báo cáo", False),
    ("CÁC NHIỆM VỤ", False), ("các sự kiện", False), ("Công tác tuyên truyền", False),
    ("Sở Y tế chủ trì", True), ("- Vụ Pháp chế", True), ("Các tổ chức, cá nhân", True), ("UBND tỉnh", True),
    ("Thủ trưởng các sở, ngành", True), ("các Bộ trưởng", True), ("Vu Kế hoạch - Tài chính", True),
    ("Tổ công tác", True), ("Sở/Ban", True), ("Tổng LĐLĐ", True),
])
def test_the_quick_test_of_a_lists_opening(text, opens):
    assert may_open_a_list(text, 0, len(text)) is opens


def test_where_the_quick_test_fails_no_body_opens_a_list():
    """At every word of a plan, with and without bare group nouns: the test is a superset of the grammar's."""
    text = (Path(__file__).parents[1] / "corpus" / "ttg-1422-2024.txt").read_text()
    reader = BodyReader(segment=False)
    bullets = vocab.body_words("bullet")
    for m in re.finditer(r"\S+", text):
        end = m.start() + len(text[m.start():m.start() + 300].split("\n", 1)[0])  # to the line's end, at most 300
        for bare in (False, True):
            if not may_open_a_list(text, m.start(), end, bare):
                words = _words(text, m.start(), end)
                first = next((k for k, w in enumerate(words) if w.folded not in bullets), len(words))
                assert reader._one(text, words, first, bare) is None, text[m.start():end]


def test_a_span_reads_alike_unless_a_name_learnt_since_is_written_in_it():
    text = "Sở Tài chính; Ban Quản lý quy hoạch; Ban quản lý quy hoạch"
    reader = BodyReader(None)
    reader.learn(text, reader.run(text, 0, 12, bare=True)[0])  # Sở Tài chính
    learnt = len(reader.learnt)
    reader.learn(text, reader.run(text, 14, 35, bare=True)[0])  # Ban Quản lý quy hoạch
    assert reader.reads_alike(text, 0, 12, learnt)
    assert not reader.reads_alike(text, 37, len(text), learnt)
    assert reader.reads_alike(text, 37, len(text), len(reader.learnt))


@pytest.mark.parametrize("name", [
    "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng",  # six lower-case syllables after a two-syllable word
    "Cục Kiểm soát ô nhiễm môi trường",
    "Viện Khoa học lâm nghiệp Việt Nam",
])
def test_a_long_name_in_sentence_case_is_read_whole(name):
    """A name in sentence case goes on in lower case to the verb of its duty, however its words are segmented."""
    assert [m.name for m in BodyReader().run(f"{name} chủ trì thực hiện.", 0)] == [name]


def test_commas_before_bodies_hold_every_comma_a_body_opens_past():
    """Searched once over a stretch, they hold the comma of each part where may_open_a_body_past_a_comma() finds a
    body; the last comma here opens no body."""
    text = "Hằng năm, các sở, ngành; trong năm 2024,\nSở Y tế chủ trì, triển khai."
    commas = commas_before_bodies(text, 0, len(text))
    assert [text[c:c + 3] for c in commas] == [", c", ", n", ",\nS"]
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if may_open_a_body_past_a_comma(text, start, end):
                assert any(start <= c < end for c in commas)
