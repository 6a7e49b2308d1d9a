"""The rules, one family per module; every module here is imported by ``all_rules()``.

To add a rule, write a function in the module of its family (or a new module:
it is found automatically) and decorate it with :func:`sopdoc.pemeriksaan.core.rule`.
Its docstring is its documentation and must hold, in this order: a one-line
summary; what it checks and why; its options (if any); and examples, each a
line ``PASS:`` or ``FAIL:`` followed by a YAML block indented four spaces.
An example shows only the keys that matter: they replace the same top-level
keys of a clean base spec (``sopdoc.pemeriksaan.examples.BASE``); several SOPs (for
catalog rules) are separated by a line ``---``. The test suite lints every
example: a FAIL example must yield the rule's code, a PASS example must not.
"""
