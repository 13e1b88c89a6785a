"""A body task whose first sentence names an appendix row's short task cell in full takes the row's lead, partners,
thời hạn and product (issue #9): "Triển khai Chiến lược phát triển công nghiệp công nghệ số Việt Nam | Sở Khoa học và
Công nghệ | Sở Tài chính; Sở Công Thương | 2026 - 2030 | Kế hoạch" for "- Triển khai Chương trình phát triển công
nghiệp công nghệ số Việt Nam đến năm 2030, tầm nhìn … Trong đó, …". The task says much more than the row, so the
share of the task's word pairs the row restates is low; the share of the row's own pairs the task's first sentence
holds is high. `corpus.responsibilities.AppendixRows._contained`.

Wordings modelled on three development plans' appendix task tables: a province's digital-economy plan ("Nhiệm vụ |
Đơn vị thực hiện | Đơn vị phối hợp | Thời gian | Sản phẩm"), a province's technology plan ("NHIỆM VỤ VÀ GIẢI PHÁP |
CHỦ TRÌ | PHỐI HỢP | THỜI GIAN"), a planning-database plan ("Nội dung | Chủ trì | Phối hợp | Thời gian hoàn thành |
Sản phẩm").
"""
from __future__ import annotations

from snippets import clause, parse_md

DIGITAL_ECONOMY = """
**KẾ HOẠCH**

**III. NHIỆM VỤ TRỌNG TÂM**

**1. Doanh nghiệp số**

- Triển khai Chương trình phát triển công nghiệp công nghệ số Việt Nam đến năm 2030, tầm nhìn đến năm 2035 theo hướng chuyển dịch từ lắp ráp, gia công sang làm sản phẩm. Trong đó, xác định rõ một số công nghệ số chiến lược mà tỉnh cần tập trung nguồn lực.

- Tổ chức triển khai (theo hình thức trực tiếp kết hợp trực tuyến) phổ cập kỹ năng số, tri thức số cần thiết cho người nông dân để tham gia thương mại điện tử.

**PHỤ LỤC**

| STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Triển khai Chiến lược phát triển công nghiệp công nghệ số Việt Nam | Sở Khoa học và Công nghệ | Sở Tài chính; Sở Công Thương | 2026 - 2030 | Kế hoạch |
| 2 | Tổ chức triển khai sáng kiến phổ cập kỹ năng số cho người nông dân | Sở Nông nghiệp và Môi trường | Các sở, ban, ngành; UBND các phường xã | 2026 - 2030 | Kế hoạch đào tạo phổ cập |
"""

TECHNOLOGY = """
**KẾ HOẠCH**

**II. LỘ TRÌNH THỰC HIỆN**

- Xây dựng chương trình hỗ trợ nghiên cứu, ứng dụng, chuyển giao công nghệ cao cho doanh nghiệp, hợp tác xã trên địa bàn tỉnh; ưu tiên các lĩnh vực nông nghiệp chủ lực. Đồng thời phát triển công nghiệp chế biến theo hướng nâng cao giá trị gia tăng, gắn với chuyển đổi số và sản xuất thông minh trong các khu, cụm công nghiệp.

**PHỤ LỤC**

| STT | NHIỆM VỤ VÀ GIẢI PHÁP | CHỦ TRÌ | PHỐI HỢP | THỜI GIAN |
|---|---|---|---|---|
| 1 | Xây dựng chương trình hỗ trợ nghiên cứu, chuyển giao công nghệ cao | Sở Khoa học và Công nghệ | Sở, ban, ngành có liên quan | 2026 |
| 2 | Tổ chức hội chợ công nghệ và thiết bị hằng năm | Sở Công Thương | Hiệp hội Doanh nghiệp | Hằng năm |
"""

# two rows of different units each named nearly in full by the task's first sentence (it names both things): the
# plan does not say which leads
PLANNING_DATA_TIED = """
**KẾ HOẠCH**

**II. NHIỆM VỤ**

- Tổ chức tập huấn về hệ thống thông tin quy hoạch và cơ sở dữ liệu quy hoạch cho cán bộ, công chức, viên chức các sở, ngành, địa phương, đơn vị sự nghiệp trực thuộc nhằm nâng cao năng lực khai thác, vận hành và cập nhật thường xuyên. Nội dung gồm khai thác bản đồ số, cập nhật hồ sơ đồ án, chia sẻ dữ liệu trên nền tảng dùng chung và bảo đảm an toàn thông tin.

**PHỤ LỤC**

| STT | Nội dung | Chủ trì | Phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Tập huấn hệ thống thông tin quy hoạch cho cán bộ, công chức | Sở Khoa học và Công nghệ | Các sở, ngành | Năm 2026 | Lớp tập huấn |
| 2 | Tập huấn cơ sở dữ liệu quy hoạch cho cán bộ, công chức | Sở Tài chính | Các sở, ngành | Năm 2027 | Lớp tập huấn |
"""

# a list of administrative procedures with the body that handles each is no task table
PROCEDURES = """
**QUYẾT ĐỊNH**

**PHỤ LỤC**

| STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện |
|---|---|---|---|
| 1 | Tiếp tục xuất khẩu, nhập khẩu vật thể thuộc diện kiểm dịch thực vật | Bảo vệ thực vật | Bộ Nông nghiệp và Môi trường |

**QUY TRÌNH**

- Bước 3: Công bố Quyết định

- Tiếp tục xuất khẩu, nhập khẩu vật thể thuộc diện kiểm dịch thực vật có hiệu lực kể từ ngày ký. Quyết định phải được công bố chính thức trên các phương tiện thông tin đại chúng và thông báo cho cơ quan có thẩm quyền về kiểm dịch thực vật của quốc gia hoặc vùng lãnh thổ xuất khẩu trong thời hạn 24 giờ.
"""


def test_a_task_whose_first_sentence_names_a_row_takes_the_rows_lead_partners_time_and_product():
    plan = parse_md(DIGITAL_ECONOMY)
    c = clause(plan, "Triển khai Chương trình phát triển công nghiệp")
    assert c.lead == "Sở Khoa học và Công nghệ"
    assert c.lead_source.mechanism == "appendix_table"
    assert c.partners == "Sở Tài chính; Sở Công Thương"
    assert c.deadline == "2026 - 2030"
    assert c.product == "Kế hoạch"
    farmers = clause(plan, "Tổ chức triển khai (theo hình thức")
    assert farmers.lead == "Sở Nông nghiệp và Môi trường"
    assert farmers.partners == "Các sở, ban, ngành; UBND các phường xã"


def test_a_roadmap_bullet_saying_more_than_its_row_takes_the_rows_lead():
    plan = parse_md(TECHNOLOGY)
    c = clause(plan, "Xây dựng chương trình hỗ trợ nghiên cứu")
    assert (c.lead, c.partners, c.deadline) == ("Sở Khoa học và Công nghệ", "Sở, ban, ngành có liên quan", "2026")


def test_two_rows_of_different_units_named_nearly_as_fully_give_no_lead():
    plan = parse_md(PLANNING_DATA_TIED)
    assert clause(plan, "Tổ chức tập huấn về hệ thống").lead is None


def test_a_list_of_procedures_names_no_task_of_the_text():
    plan = parse_md(PROCEDURES)
    assert clause(plan, "Tiếp tục xuất khẩu, nhập khẩu vật thể thuộc diện kiểm dịch thực vật có hiệu lực").lead is None
