"""Front ends for the files officials receive: each turns one format into the ordered lines the plan
reader takes (Word, PDF, saved web pages), or reads a task ledger (Excel, CSV) into tasks directly.
The type is found by content (data/formats/detect.py); every refusal is a PlanFileError naming why."""
