"""The sample stories held out of tuning, in one place (bench/score_gold.py and bench/eval_all.py).

Each was written to be hard after the thresholds were tuned, its gold.json by hand before any
alignment run on it. Never tune on them: score_gold.py prints their summary lines only, not their
per-sentence errors, unless asked (--show-held-out) at the end of a round.
"""

HELD_OUT_STORIES = {
    "tavel-river": "written to be hard after tuning (issue 16)",
    "brenholt-port": "written to be hard after tuning, gold before any alignment run (issue 16)",
    "lethmar-rates": "five independently written reports of one decision, gold before any alignment run (issue 16, story5)",
}
