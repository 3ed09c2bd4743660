"""Regenerates the expected upload fields in this directory.

For each METADATA file here (copied from a real third-party wheel), it computes the text fields twine 6.x/7.0
sends for that wheel, using packaging (the library twine reads metadata with) and twine's own rules, as described
in shared/reference/pypi-upload-protocol.md section 3. Run with packaging 26.2:

    python3 twine_fields.py
"""
import json
import pathlib
import re

from packaging.metadata import parse_email

RENAMES = {"platforms": "platform", "supported_platforms": "supported_platform", "license_files": "license_file"}
NOT_SENT = {"import_names", "import_namespaces"}  # twine does not know Import-Name / Import-Namespace

here = pathlib.Path(__file__).parent
cases = []
for md_file in sorted(here.glob("*.METADATA")):
    filename = md_file.name[: -len(".METADATA")]
    raw, unparsed = parse_email(md_file.read_bytes())
    assert not unparsed, (filename, unparsed)
    fields = []
    for key, value in raw.items():
        if key in NOT_SENT:
            continue
        if key == "license_files" and tuple(map(int, raw["metadata_version"].split("."))) < (2, 4):
            continue
        key = RENAMES.get(key, key)
        if key == "name":
            value = re.sub("[^A-Za-z0-9.]+", "-", value)  # twine's safe_name
        if key == "keywords":
            value = ", ".join(value)
        if key == "project_urls":
            value = [f"{label}, {url}" for label, url in value.items()]
        for v in value if isinstance(value, list) else [value]:
            fields.append([key, v])
    pyver = re.match(r"^[^-]+-[^-]+(?:-\d[^-]*)?-(?P<pyver>[^-]+)-", filename).group("pyver")
    fields += [["pyversion", pyver], ["filetype", "bdist_wheel"], [":action", "file_upload"],
               ["protocol_version", "1"]]
    cases.append({"filename": filename, "twine_name": raw["name"], "fields": fields})
(here / "twine-fields.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"{len(cases)} cases written")
