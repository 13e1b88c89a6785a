"""Whom a report is sent to is asked in the text, not as the task's lead ("báo cáo lên những cơ quan nào"):
`Question.asks_recipient` turns off the lead reading of a who-question. Wordings modelled on a commune's
socio-economic plan, a province's technology roadmap and a ministry's data plan."""
import pytest

from corpus.text import folded
from retrieval.query import role_flags


@pytest.mark.parametrize("text", [
    "Kết quả thực hiện kế hoạch của UBND xã phải báo cáo lên những cơ quan nào?",
    "Các sở, ngành gửi báo cáo kết quả lộ trình đổi mới công nghệ về đâu?",
    "bo phan dau moi nop bao cao dinh ky cho co quan nao",
])
def test_a_question_asking_whom_a_report_goes_to_asks_a_recipient(text):
    flags = role_flags(folded(text))
    assert flags.asks_recipient and not flags.explicit_role


@pytest.mark.parametrize("text", [
    "Ai chủ trì báo cáo kết quả thực hiện kế hoạch?",
    "Sở nào báo cáo UBND tỉnh kết quả thực hiện?",
    "Báo cáo kết quả trước ngày nào hằng năm?",
    "Cơ quan nào trình đề án phát triển cơ sở dữ liệu?",
])
def test_who_reports_or_when_is_not_a_recipient_asked(text):
    assert not role_flags(folded(text)).asks_recipient


def test_a_recipient_asked_does_not_read_the_lead(retriever):
    resp = retriever.ask("Kết quả thực hiện kế hoạch KT-XH của UBND xã Lạc Phượng phải báo cáo lên những cơ quan nào?")
    assert resp.found and "UBND thành phố" in resp.answer
