"""``python -m dyad.nlp.timex --dct 2013-03-22 FILE``."""

import sys

from dyad.nlp.timex import main

sys.exit(main())
