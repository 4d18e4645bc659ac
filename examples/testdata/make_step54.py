"""Write step54.json: what the book's steps/step54.py prints after np.random.seed(0).

Run with Debian's NumPy (1.24), with DeZero's repository checked out
somewhere outside this one (it is never committed here):

    git clone https://github.com/oreilly-japan/deep-learning-from-scratch-3 /tmp/dz3
    /usr/bin/python3 examples/testdata/make_step54.py /tmp/dz3

The book's step54.py does not seed the generator; the global generator is
seeded with 0 here, then the book's file runs unchanged, with its output
captured. DeZero imports matplotlib at import time but step 54 never draws,
so an empty stand-in module is installed when matplotlib is missing.
"""

import contextlib
import hashlib
import io
import json
import runpy
import sys
import types
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def main():
    dezero_root = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dz3")
    step = dezero_root / "steps" / "step54.py"
    sys.path.insert(0, str(dezero_root))
    try:
        import matplotlib.pyplot  # noqa: F401
    except ImportError:
        matplotlib = types.ModuleType("matplotlib")
        matplotlib.pyplot = types.ModuleType("matplotlib.pyplot")
        sys.modules["matplotlib"] = matplotlib
        sys.modules["matplotlib.pyplot"] = matplotlib.pyplot
    import dezero  # noqa: F401  (imported before seeding: it draws nothing)

    np.random.seed(0)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(step), run_name="__main__")
    lines = out.getvalue().splitlines()
    fixture = {
        "source": "oreilly-japan/deep-learning-from-scratch-3 steps/step54.py"
        " after np.random.seed(0)",
        "numpy": np.__version__,
        "script_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "lines": lines,
    }
    path = HERE / "step54.json"
    path.write_text(json.dumps(fixture, indent=2) + "\n")
    print(f"wrote {path}: {lines}")


if __name__ == "__main__":
    main()
