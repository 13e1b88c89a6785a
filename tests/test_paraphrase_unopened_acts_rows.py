"""Body tasks whose owner the plan states elsewhere in loose words, four cases the word-overlap linker left
(`corpus.paraphrase_links.ParaphrasedDuties`), each on wordings modelled on development plans (Hồ Chí Minh City's
planning database plan, Đồng Nai's digital economy plan, a technology renewal plan, a sea economy plan):

- a clause of the body that opens with no act ("Cơ chế giám sát, nhằm đảm bảo …", "Đẩy nhanh tốc độ phủ mạng …")
  among tasks that do, restated by one unit's duty at `PARAPHRASE_UNOPENED_MIN_SHARE`: a task of that unit; one
  among a file's papers, an aside in brackets or a moderate restatement is none;
- two units' duties restating a task about as well by its words: the one doing the task's act to its object
  ("Quản lý, vận hành Hệ thống …" for "Tổ chức quản lý, vận hành Hệ thống …") is the restatement (`act_object`);
- an appendix row of another unit restating a task at `PARAPHRASE_OVERRIDE_SHARE` outweighs a unit's claim on the
  task's whole section ("… các nhiệm vụ tại mục II"), and gives the row's phối hợp and thời hạn;
- a unit's duty in "Tổ chức thực hiện" restated by an appendix row of the same unit takes the row's phối hợp and
  thời hạn, keeping what it states itself; a duty claiming many tasks takes nothing.
"""
from __future__ import annotations

import pytest

from corpus.paraphrase_links import act_object
from snippets import clause, parse_md

# ---------------------------------------------------------------- a clause opening with no act

UNOPENED = """
**KẾ HOẠCH**

**II. NỘI DUNG THỰC HIỆN**

**3. Hoàn thiện thể chế, quy chế phối hợp**

- Xây dựng quy chế phối hợp giữa các sở, ngành trong cập nhật, chia sẻ dữ liệu quy hoạch.

- Cơ chế giám sát, nhằm đảm bảo tích hợp dữ liệu quy hoạch một cách an toàn, hiệu quả và khả thi, định kỳ tổng hợp \
các trường hợp chậm tiến độ, không gửi dữ liệu quy hoạch.

- Ban hành quy định về chuẩn dữ liệu quy hoạch dùng chung của tỉnh.

**4. Hạ tầng số**

- Đẩy nhanh tốc độ phủ mạng cáp quang, mạng di động băng rộng, internet vệ tinh, phủ sóng chất lượng ở các vùng \
trắng, vùng lõm về kết nối mạng.

- Phát triển hạ tầng trung tâm dữ liệu xanh, tiết kiệm năng lượng.

- Triển khai nền tảng điện toán đám mây dùng chung của tỉnh.

**5. Bảo vệ môi trường biển**

- Mô hình đồng quản lý tài nguyên, bảo vệ môi trường biển, chia sẻ trách nhiệm và quyền hưởng lợi trong khai thác \
tài nguyên biển và hải đảo với cộng đồng ven biển.

- Thực hiện điều tra, đánh giá sức chịu tải môi trường biển.

- Tăng cường năng lực hệ thống quan trắc môi trường biển.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Tài chính**

- Tổng hợp, báo cáo kịp thời các trường hợp chậm tiến độ, không gửi dữ liệu quy hoạch; giám sát việc tích hợp dữ \
liệu quy hoạch bảo đảm an toàn, hiệu quả và khả thi.

**2. Sở Khoa học và Công nghệ**

- Chủ trì đẩy mạnh phủ mạng cáp quang, mạng di động băng rộng, internet vệ tinh; phủ sóng chất lượng các vùng \
trắng, vùng lõm kết nối mạng.

**3. Sở Nông nghiệp và Môi trường**

- Chủ trì xây dựng mô hình đồng quản lý tài nguyên, bảo vệ môi trường biển, chia sẻ trách nhiệm và quyền hưởng lợi \
trong khai thác tài nguyên biển và hải đảo với cộng đồng ven biển.

**4. Sở Công Thương**

- Chủ trì phát triển thương mại điện tử, logistics trên địa bàn tỉnh.
"""


@pytest.mark.parametrize("task,lead,source", [
    ("- Cơ chế giám sát, nhằm đảm bảo tích hợp", "Sở Tài chính", "- Tổng hợp, báo cáo kịp thời"),
    ("- Đẩy nhanh tốc độ phủ mạng cáp quang", "Sở Khoa học và Công nghệ", "- Chủ trì đẩy mạnh phủ mạng"),
    ("- Mô hình đồng quản lý tài nguyên", "Sở Nông nghiệp và Môi trường", "- Chủ trì xây dựng mô hình đồng quản lý"),
])
def test_a_clause_opening_with_no_act_among_tasks_restated_by_one_units_duty_takes_that_unit(task, lead, source):
    plan = parse_md(UNOPENED)
    c = clause(plan, task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"
    assert c.lead_source.clause_id == clause(plan, source).id  # where it was read


FILE_PAPERS = """
**KẾ HOẠCH**

**II. THỦ TỤC CÔNG BỐ DỊCH**

**c) Thành phần, số lượng hồ sơ:**

- Tờ trình đề nghị công bố dịch hại thực vật của Cục trưởng Cục Trồng trọt và Bảo vệ thực vật kèm theo báo cáo.

- Báo cáo tình hình sinh vật gây hại trên cây trồng của Cục Trồng trọt và Bảo vệ thực vật.

- Dự thảo Quyết định công bố dịch hại thực vật ở Trung ương.

**III. TỔ CHỨC THỰC HIỆN**

**1. Bộ Nông nghiệp và Môi trường**

- Chủ trì xem xét tờ trình đề nghị công bố dịch hại thực vật của Cục trưởng Cục Trồng trọt và Bảo vệ thực vật, \
quyết định công bố dịch.

**2. Sở Tài chính**

- Bố trí kinh phí phòng chống dịch hại thực vật.
"""


def test_a_paper_of_a_file_restated_by_a_duty_is_no_task():
    """"Tờ trình …", "Báo cáo tình hình …", "Dự thảo Quyết định …": a list of a file's papers, most not opening with an
    act; the duty restating one names no lead of it."""
    plan = parse_md(FILE_PAPERS)
    assert clause(plan, "- Tờ trình đề nghị công bố dịch").lead is None


ASIDE_AND_MODERATE = """
**KẾ HOẠCH**

**II. NHIỆM VỤ**

**1. Dữ liệu số**

- (Kèm theo danh mục cơ sở dữ liệu dùng chung về dân cư, đất đai, doanh nghiệp của tỉnh được kết nối, chia sẻ)

- Xây dựng cơ sở dữ liệu dùng chung của tỉnh.

- Kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia.

- Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh kết nối các hệ thống thông tin chuyên ngành, phục vụ chỉ đạo điều \
hành, thống kê, dự báo và cung cấp dịch vụ công trực tuyến cho người dân, doanh nghiệp.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

- Kết nối danh mục cơ sở dữ liệu dùng chung về dân cư, đất đai, doanh nghiệp của tỉnh, chia sẻ với các sở.

- Vận hành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh kết nối các hệ thống thông tin chuyên ngành.

**2. Sở Nội vụ**

- Chủ trì cải cách hành chính, kiểm tra công vụ.
"""


def test_an_aside_in_brackets_restated_by_a_duty_is_no_task():
    plan = parse_md(ASIDE_AND_MODERATE)
    assert clause(plan, "- (Kèm theo danh mục cơ sở dữ liệu").lead is None


def test_a_clause_opening_with_no_act_restated_moderately_names_no_lead():
    """Half its rare words are in the duty: enough for a task opening with an act (`PARAPHRASE_MIN_SHARE`), not for
    a clause that may be a description (`PARAPHRASE_UNOPENED_MIN_SHARE`)."""
    plan = parse_md(ASIDE_AND_MODERATE)
    assert clause(plan, "- Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh").lead is None


# ---------------------------------------------------------------- the act and its object


@pytest.mark.parametrize("task,pairs", [
    ("- Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch", ["to chuc he", "quan ly he", "van hanh he"]),
    ("- Xây dựng Chương trình hỗ trợ doanh nghiệp nhỏ và vừa", ["xay dung chuong"]),
    ("- Tăng cường kiểm tra, giám sát các nền tảng số", ["kiem tra nen", "giam sat nen"]),  # "tăng cường" says how
    ("- Tiếp tục đẩy mạnh tuyên truyền các nội dung của Nghị quyết", ["tuyen truyen noi"]),
    ("- Cơ chế giám sát, nhằm đảm bảo tích hợp dữ liệu", []),  # opens with no act
])
def test_a_tasks_acts_are_read_with_the_head_of_what_they_are_done_to(task, pairs):
    assert act_object(task) == pairs


ACT_TIE = """
**KẾ HOẠCH**

**II. NỘI DUNG THỰC HIỆN**

**1. Quản lý, vận hành hệ thống**

- Tổ chức quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch của tỉnh bảo đảm an toàn, liên tục 24/7.

**2. Nền tảng du lịch**

- Triển khai Nền tảng dữ liệu số du lịch thông minh của tỉnh kết nối doanh nghiệp lữ hành.

**3. Quan trắc**

- Giám sát chất lượng nước nuôi trồng thủy sản vùng ven biển.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Tài chính**

- Quản lý, vận hành Hệ thống cơ sở dữ liệu quy hoạch bảo đảm an toàn.

**2. Sở Khoa học và Công nghệ**

- Đào tạo, bồi dưỡng về Hệ thống cơ sở dữ liệu quy hoạch của tỉnh bảo đảm an toàn, liên tục 24/7.

- Tuyên truyền về dữ liệu số du lịch thông minh của tỉnh kết nối doanh nghiệp.

**3. Sở Văn hóa, Thể thao và Du lịch**

- Triển khai Nền tảng dữ liệu số du lịch của tỉnh kết nối.

**4. Sở Nông nghiệp và Môi trường**

- Giám sát chất lượng nước, dịch bệnh thủy sản nuôi trồng vùng ven biển qua trạm quan trắc.

**5. Ban Quản lý Khu kinh tế**

- Đầu tư trạm quan trắc chất lượng nước nuôi trồng thủy sản vùng ven biển.
"""


@pytest.mark.parametrize("task,lead,source", [
    ("- Tổ chức quản lý, vận hành Hệ thống", "Sở Tài chính", "- Quản lý, vận hành Hệ thống cơ sở"),
    ("- Triển khai Nền tảng dữ liệu số du lịch", "Sở Văn hóa, Thể thao và Du lịch", "- Triển khai Nền tảng dữ liệu số du lịch của tỉnh"),
    ("- Giám sát chất lượng nước nuôi trồng", "Sở Nông nghiệp và Môi trường", "- Giám sát chất lượng nước, dịch bệnh"),
])
def test_of_two_rows_restating_a_task_about_as_well_the_one_doing_its_act_to_its_object_names_the_lead(
        task, lead, source):
    plan = parse_md(ACT_TIE)
    c = clause(plan, task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"
    assert c.lead_source.clause_id == clause(plan, source).id


def test_two_rows_both_doing_the_tasks_act_name_no_lead():
    plan = parse_md(ACT_TIE.replace("- Đào tạo, bồi dưỡng về Hệ thống", "- Đào tạo, bồi dưỡng, vận hành Hệ thống"))
    assert clause(plan, "- Tổ chức quản lý, vận hành Hệ thống").lead is None


# ---------------------------------------------------------------- a row outweighs a claim on the whole section

CLAIMED_SECTION = """
**KẾ HOẠCH**

**II. NHIỆM VỤ TRỌNG TÂM**

**1. Giảm thiểu tác động tiêu cực của công nghệ**

a) Hình thành các điểm thu gom sản phẩm công nghệ thông tin, điện tử - viễn thông hư hỏng, hết hạn sử dụng, rác \
thải công nghệ, rác thải điện tử; đẩy mạnh áp dụng công nghệ xử lý phù hợp hướng tới một nền kinh tế tuần hoàn, \
giảm phát thải ra môi trường.

**2. Bảo vệ trẻ em trên môi trường mạng**

a) Xây dựng bộ tiêu chí đánh giá mức độ an toàn của các nền tảng số phục vụ trẻ em trên địa bàn tỉnh.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

Chủ trì, phối hợp với các sở, ngành liên quan thực hiện các nhiệm vụ tại mục II của Kế hoạch.

**PHỤ LỤC**

| STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| 1 | Hình thành các điểm thu gom sản phẩm công nghệ thông tin, điện tử - viễn thông hư hỏng, hết hạn sử dụng, rác thải điện tử | Sở Nông nghiệp và Môi trường | Các sở, ban, ngành; UBND các xã | 2026-2030 |
| 2 | Tuyên truyền kỹ năng an toàn trên môi trường mạng cho trẻ em | Sở Giáo dục và Đào tạo | Đoàn Thanh niên | Hằng năm |
"""


def test_an_appendix_row_of_another_unit_restating_a_task_outweighs_a_claim_on_its_section():
    """"Hình thành các điểm thu gom sản phẩm công nghệ thông tin …" (Đồng Nai's wording): Sở Khoa học và Công nghệ
    claims every task of mục II, but the appendix row restating this one says Sở Nông nghiệp và Môi trường, with its
    own phối hợp and thời hạn."""
    plan = parse_md(CLAIMED_SECTION)
    c = clause(plan, "a) Hình thành các điểm thu gom")
    assert c.lead == "Sở Nông nghiệp và Môi trường"
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"
    assert c.lead_source.clause_id == clause(plan, "1. Hình thành các điểm thu gom").id
    assert (c.partners, c.deadline) == ("Các sở, ban, ngành; UBND các xã", "2026-2030")


def test_a_task_of_the_claimed_section_no_row_restates_keeps_the_claiming_unit():
    plan = parse_md(CLAIMED_SECTION)
    c = clause(plan, "a) Xây dựng bộ tiêu chí đánh giá")
    assert c.lead == "Sở Khoa học và Công nghệ"
    assert c.lead_source is not None and c.lead_source.mechanism == "cross_reference"


# ---------------------------------------------------------------- a unit's duty restated by its own row

DUTY_ROWS = """
**KẾ HOẠCH**

**II. NHIỆM VỤ**

- Tổ chức hội nghị sơ kết việc thực hiện Kế hoạch.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Giáo dục và Đào tạo**

- Đổi mới chương trình, nội dung, phương pháp giảng dạy trong các cơ sở giáo dục, dạy nghề, tập trung vào nâng cao \
kiến thức khoa học, công nghệ, đổi mới sáng tạo, khởi nghiệp và kỹ năng số cho học sinh, sinh viên; tăng cường \
thực hành, trải nghiệm tại doanh nghiệp.

**2. Sở Công Thương**

- Triển khai các chương trình khuyến công nhằm hỗ trợ các doanh nghiệp, cơ sở đổi mới máy móc, thiết bị và công \
nghệ, nhất là lĩnh vực công nghiệp chế biến nông sản, thực phẩm và công nghiệp hỗ trợ, giai đoạn 2026 - 2028.

- Chủ trì triển khai các nhiệm vụ về phát triển thương mại điện tử, hỗ trợ doanh nghiệp đổi mới công nghệ.

**3. Sở Nông nghiệp và Môi trường**

- Hướng dẫn hợp tác xã, nông dân ứng dụng công nghệ số trong quan trắc tài nguyên, môi trường nông nghiệp.

**PHỤ LỤC**

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Đổi mới chương trình, nội dung giảng dạy, tập trung vào nâng cao kiến thức khoa học, công nghệ và kỹ năng số | Sở Giáo dục và Đào tạo | Viện, Trường; Sở, ban, ngành có liên quan | 2025 - 2030 |
| 2 | Triển khai các chương trình khuyến công hỗ trợ doanh nghiệp đổi mới máy móc, thiết bị, công nghệ chế biến nông sản | Sở Công Thương | Doanh nghiệp; Sở, ban, ngành có liên quan | 2025 - 2035 |
| 3 | Hướng dẫn hợp tác xã, nông dân ứng dụng công nghệ số trong quan trắc tài nguyên, môi trường nông nghiệp | Sở Khoa học và Công nghệ | Viện, Trường | 2025 - 2030 |
"""


def test_a_units_duty_restated_by_its_own_appendix_row_takes_the_rows_partners_and_time():
    plan = parse_md(DUTY_ROWS)
    c = clause(plan, "- Đổi mới chương trình, nội dung, phương pháp")
    assert c.lead == "Sở Giáo dục và Đào tạo"
    assert (c.partners, c.deadline) == ("Viện, Trường; Sở, ban, ngành có liên quan", "2025 - 2030")
    assert c.deadline_source is not None and c.deadline_source.clause_id == clause(plan, "1. Đổi mới chương trình").id


def test_a_duty_restated_by_its_row_keeps_the_time_it_states_itself():
    plan = parse_md(DUTY_ROWS.replace("trải nghiệm tại doanh nghiệp.", "trải nghiệm tại doanh nghiệp, hoàn thành trong năm 2027."))
    c = clause(plan, "- Đổi mới chương trình, nội dung, phương pháp")
    assert c.partners == "Viện, Trường; Sở, ban, ngành có liên quan"
    assert c.deadline is not None and "2027" in c.deadline


def test_a_duty_restated_by_a_row_of_another_unit_takes_nothing_from_it():
    plan = parse_md(DUTY_ROWS)
    c = clause(plan, "- Hướng dẫn hợp tác xã, nông dân")
    assert c.lead == "Sở Nông nghiệp và Môi trường"
    assert c.partners is None and c.deadline is None


def test_a_duty_claiming_many_tasks_takes_no_rows_facts():
    plan = parse_md(DUTY_ROWS)
    c = clause(plan, "- Chủ trì triển khai các nhiệm vụ về phát triển thương mại")
    assert c.partners is None and c.deadline is None

