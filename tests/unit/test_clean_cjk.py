"""Chinese and Japanese prose is article text (issue 21 found it removed as "short fragment"):
lines without spaces are counted in characters, and the full-width stops end sentences."""

from retold.model.pipeline import load_alignment


def test_chinese_and_japanese_articles_keep_their_sentences(tmp_path):
    (tmp_path / "zh.txt").write_text(
        "东京的新闻标题在这里写着\n\n东京市议会周一批准了新的预算。市长表示满意。\n", encoding="utf-8")
    (tmp_path / "ja.txt").write_text(
        "港の新しい防波堤の計画\n\n市議会は月曜日に新しい防波堤の建設を承認した。市長は満足していると述べた。\n", encoding="utf-8")
    alignment = load_alignment([str(tmp_path)])
    assert [s.text for s in alignment.outlet("zh").sentences] == ["东京市议会周一批准了新的预算。", "市长表示满意。"]
    assert [s.text for s in alignment.outlet("ja").sentences] == [
        "市議会は月曜日に新しい防波堤の建設を承認した。", "市長は満足していると述べた。"]


def test_a_short_chinese_label_is_still_furniture(tmp_path):
    (tmp_path / "zh.txt").write_text(
        "首页\n\n东京市议会周一批准了新的预算。市长表示满意。\n\n分享\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    outlet = load_alignment([str(tmp_path)]).outlet("zh")
    assert [s.text for s in outlet.sentences] == ["东京市议会周一批准了新的预算。", "市长表示满意。"]
    assert {"首页", "分享"} <= {r.text for r in outlet.removed}
