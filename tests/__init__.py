import sys
from pathlib import Path

# The build's helpers, as `hfd.*`: the tests, and the tools in scripts/ that use them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
