"""`python -m desktop` runs the plan-review command (and is the frozen bundle's entry script)."""
import sys

from desktop.cli import main

sys.exit(main())
