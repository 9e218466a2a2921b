"""Text helpers shared by extraction (nlp/) and resolution (resolve/): name keys and date intervals.

They live below both stages so that nlp/ never imports resolve/.
"""
