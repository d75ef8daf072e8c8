"""Writing a file so that a reader sees the old contents or the new, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(path: Path, data: bytes, *, prefix: str, suffix: str) -> None:
    """Write `data` to a temporary file beside `path` and rename it into place; the temporary
    file is removed if anything fails. Raises `OSError` as the file system does."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
