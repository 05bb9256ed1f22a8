"""The window opens on plain SQL: the ORM and the letters are loaded only when used."""

import json
import os
import subprocess
import sys
from pathlib import Path

from goodbye_desktop.store import records
from goodbye_desktop.store.database import close_database, open_database

PROGRAM = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
qapp = QApplication(sys.argv[:1])
from goodbye_desktop import app
window = app.build_main_window(Path(sys.argv[1]))
window.show()
qapp.processEvents()
print(json.dumps({"rows": window.client_list.model.rowCount(),
                  "loaded": sorted(m for m in ("peewee", "reportlab") if m in sys.modules)}))
"""


def test_the_window_opens_without_the_orm(tmp_path: Path) -> None:
    path = tmp_path / "start.sqlite"
    open_database(path)
    records.create_client(name="Renée & <Sons>")
    close_database()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROGRAM, str(path)], env=env, check=True,
                            capture_output=True, text=True, timeout=120)
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown == {"rows": 1, "loaded": []}
