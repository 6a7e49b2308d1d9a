"""The life of an SOP (Permenpan RB 35/2012, Bab IV-V): status, penetapan, monitoring, evaluasi.

- :mod:`.model`: the spec's life-cycle values (status, penetapan, typed keterkaitan)
  and the catalog's review periods;
- :mod:`.rekaman`: monitoring and evaluation records kept as YAML beside the spec;
- :mod:`.jadwal`: what is due or overdue, per SOP and per unit (``sopdoc status``);
- :mod:`.formulir`: the Formulir Monitoring, the Formulir Evaluasi, the Daftar SOP and
  the lampiran of a penetapan decree, as DOCX.
"""
