"""Write the student edition's configuration: the book's own, without solutions.

Both editions are built from one source. The student edition only sets
``student_edition`` (see ``regional_clusters._editions``) and re-uses the teacher build's cache of
executed notebooks, so it costs no second execution.

Usage: python scripts/student_config.py _config.yml _build/_config_student.yml
"""

import sys
from pathlib import Path

import yaml

source, target = Path(sys.argv[1]), Path(sys.argv[2])
config = yaml.safe_load(source.read_text(encoding="utf-8"))
config.setdefault("sphinx", {}).setdefault("config", {})["student_edition"] = True
config.setdefault("execute", {})["cache"] = str((source.parent / "_build" / ".jupyter_cache").resolve())
config["title"] = f"{config['title']} (student edition)"
target.parent.mkdir(parents=True, exist_ok=True)
target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
