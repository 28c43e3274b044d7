"""The language layer: what planparse knows of Vietnamese and of the genre, apart from the pipeline.

- ``vocab`` — the data tables of ``planparse/data/``, each declared once and validated at load;
- ``genre`` — the layout markers of Nghị định 30/2020/NĐ-CP (motto, Số, date line, signature);
- ``numbering`` — section labels (``I.``, ``1.1.``, ``a)``, ``-``);
- ``names`` — body names: abbreviations, proper case, provinces;
- ``quantities``, ``times``, ``bodies`` — the grammars of numbers, times and responsible bodies;
- ``segment`` — underthesea word segmentation (its model run on ``tokens``, underthesea's token grammar).

Nothing here builds a ``Plan`` fact; the extractors do, from these grammars.
"""
