"""Read the news graph's CSV export with pandas (the README quotes this file; the tests run it).

    /usr/bin/python3 scripts/export_pandas.py path/to/csv-folder

Prints, as JSON, the row count of every table and which agencies ran programmes where.
"""
import json
import os
import sys

import pandas as pd


def read_table(folder, name):
    """One table; neo4j-admin headers (`id:ID`, `count:int`, `:START_ID`) become plain names."""
    frame = pd.read_csv(os.path.join(folder, f"{name}.csv"), dtype=str, keep_default_na=False)
    frame.columns = [column.split(":")[0] or column.strip(":").lower() for column in frame.columns]
    return frame


def programmes_by_place(folder):
    """Agency → programme → place, from the RUNS and HELD_IN tables joined on the programme."""
    names = pd.concat([read_table(folder, label)[["id", "name"]] for label in ("Organisation", "Place", "Programme")])
    name_of = names.set_index("id")["name"]
    runs = read_table(folder, "RUNS").rename(columns={"start_id": "agency", "end_id": "programme"})
    held = read_table(folder, "HELD_IN").rename(columns={"start_id": "programme", "end_id": "place"})
    table = runs.merge(held, on="programme")[["agency", "programme", "place"]].drop_duplicates()
    return table.apply(lambda column: column.map(name_of)).sort_values(["agency", "programme"])


def main(folder):
    tables = sorted(file[:-4] for file in os.listdir(folder) if file.endswith(".csv"))
    print(json.dumps({
        "pandas": pd.__version__,
        "rows": {table: len(read_table(folder, table)) for table in tables},
        "programmes_by_place": programmes_by_place(folder).values.tolist(),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
