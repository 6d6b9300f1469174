"""Notes figures: saving and listing with 10,000 notes stored; re-anchoring after an edit.

    python bench/bench_notes.py

Targets (issue 4): saving a note and opening the notes list instant with 10,000 notes
stored; re-attaching all notes of a story after an edit under 50 ms per 100 notes.
"""

import random
import statistics
import tempfile
import time
from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.notes.service import StoryNotes
from retold.notes.store import NoteStore
from retold.synthetic import make_story


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        story = make_story(tmp / "story", outlets=10, sentences=400, seed=2)
        alignment = load_alignment([str(story)])
        store = NoteStore.open(tmp / "data")
        # 9,000 notes on other stories, 1,000 on this one: 10,000 stored.
        for n in range(9000):
            store.add(f"/elsewhere/story-{n % 300}", f"note {n}", source=f"/elsewhere/{n}.txt", exact="x", end=1)
        notes = StoryNotes(store, alignment)
        sentences = [(o.id, s.index) for o in alignment.outlets for s in o.sentences]
        chosen = rng.sample(sentences, 1000)
        save_times = []
        for outlet_id, index in chosen:
            start = time.perf_counter()
            notes.save_on_sentence(outlet_id, index, "a reading note " * 5)
            save_times.append(time.perf_counter() - start)
        print(f"notes stored: {store.count()}")
        print(f"save a note through the reader's service (insert, anchor that note): median {statistics.median(save_times) * 1000:.1f} ms")
        raw_save = []
        for n in range(200):
            start = time.perf_counter()
            store.add("/elsewhere/story-1", f"extra {n}")
            raw_save.append(time.perf_counter() - start)
        print(f"save a note (one SQLite transaction, synchronous=FULL): median {statistics.median(raw_save) * 1000:.2f} ms")
        start = time.perf_counter()
        notes.reload()
        print(f"open the notes list (load and anchor this story's {len(notes.placed)} notes): {(time.perf_counter() - start) * 1000:.1f} ms")

        # Edit every file: a paragraph inserted at the top, two words changed in a tenth of the sentences.
        for path in story.iterdir():
            lines = path.read_text(encoding="utf-8").split("\n\n")
            edited = []
            for block in lines:
                words = block.split(" ")
                if len(words) > 8 and rng.random() < 0.1:
                    words[3], words[6] = "changed", "words"
                edited.append(" ".join(words))
            edited.insert(1, "A new paragraph inserted above the story by a correction.")
            path.write_text("\n\n".join(edited), encoding="utf-8")
        edited_alignment = load_alignment([str(story)])
        start = time.perf_counter()
        reanchored = StoryNotes(store, edited_alignment)
        elapsed = time.perf_counter() - start
        counts = {}
        for placed in reanchored.placed:
            counts[placed.anchor.how] = counts.get(placed.anchor.how, 0) + 1
        print(
            f"re-anchor {len(reanchored.placed)} notes after an edit: {elapsed * 1000:.0f} ms, "
            f"{elapsed * 1000 / len(reanchored.placed) * 100:.1f} ms per 100 notes (target < 50); {counts}"
        )


if __name__ == "__main__":
    main()
