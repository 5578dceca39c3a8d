"""The issue's quick start on a fresh environment: `pip install ./python` into a new virtual
environment, then `python -c "import referee; print(referee.audit('derivations/sd-coupling.md').summary)"`
from the repository root."""

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def referee_executable() -> str:
    import referee
    os.chdir(ROOT)
    return referee.executable()


def test_pip_install_and_quick_start(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT / "python")],
                             capture_output=True, text=True, cwd=tmp_path, env=environment)
    assert install.returncode == 0, install.stdout + install.stderr
    quick = subprocess.run([str(python), "-c", "import referee; print(referee.audit('derivations/sd-coupling.md').summary)"],
                           capture_output=True, text=True, cwd=ROOT, env=environment)
    assert quick.returncode == 0, quick.stderr
    expected = subprocess.run([referee_executable(), "audit", "derivations/sd-coupling.md"], capture_output=True, text=True, cwd=ROOT)
    assert quick.stdout.strip() == expected.stdout.strip().splitlines()[-1]
    assert quick.stdout.strip().endswith("all as expected")
    # Installed, not imported from the source tree.
    where = subprocess.run([str(python), "-c", "import referee; print(referee.__file__)"], capture_output=True, text=True,
                           cwd=tmp_path, env=environment)
    assert str(env_dir) in where.stdout
