"""The families of verbs that name one kind of speech act (warn / urge / call on, accuse / blame,
deny / reject, promise / pledge, threaten), in the forms news writes them: frames.py pairs two
sentences by one actor's act of one family; evidence.py reads whom such an act is done to."""

from __future__ import annotations

# Families of verbs that name one kind of speech act, in the forms news writes them.
_FAMILIES = {
    "warn": "warn warns warned warning urge urges urged urging caution cautions cautioned cautioning "
            "call calls called calling appeal appeals appealed appealing",
    "accuse": "accuse accuses accused accusing blame blames blamed blaming fault faults faulted faulting "
              "rebuke rebukes rebuked rebuking criticise criticises criticised criticising criticize "
              "criticizes criticized criticizing condemn condemns condemned condemning denounce "
              "denounces denounced denouncing",
    "deny": "deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed "
            "dismissing rebuff rebuffs rebuffed",
    "promise": "promise promises promised promising pledge pledges pledged pledging vow vows vowed vowing",
    "threaten": "threaten threatens threatened threatening",
}
FAMILY = {verb: family for family, verbs in _FAMILIES.items() for verb in verbs.split()}
_VERBS = frozenset(FAMILY)
# "call" and "appeal" name the act only with their particle ("called on Velmont", "appealed to").
_PARTICLE = {"call": "on", "calls": "on", "called": "on", "calling": "on",
             "appeal": "to", "appeals": "to", "appealed": "to", "appealing": "to"}
