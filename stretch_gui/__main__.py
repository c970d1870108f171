import sys

from stretch_gui.cli import main

sys.exit(main())
