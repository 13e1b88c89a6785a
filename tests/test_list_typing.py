"""Questions asking WHICH places or plans (plural, or a place asked with its plan) are lists across the plans
(`retrieval.query._WHICH_PLANS`); a plan one plan cites, a place's deadline or a document a plan amends are not."""
import pytest

from retrieval.query import folded, question_type


@pytest.mark.parametrize("text", [
    # thi đua plans (Đắk Lắk, Nghệ An)
    "Những tỉnh nào ban hành kế hoạch thi đua lập thành tích chào mừng Đại hội XIV của Đảng?",
    "Tỉnh nào có kế hoạch đợt thi đua chào mừng Đại hội XIV của Đảng?",
    # 5G, IoT plans (Hà Nội, Nghệ An)
    "Những tỉnh, thành nào có kế hoạch phát triển hạ tầng 5G, IoT trong khu công nghiệp?",
    "Những thành phố, tỉnh nào có kế hoạch phát triển hạ tầng 5G, IoT trong khu công nghiệp?",
    "Kế hoạch của những tỉnh, thành phố nào quy định hạn báo cáo hằng năm?",
    # plans executing a law (TP.HCM, Lai Châu, Thủ tướng)
    "Những luật nào có kế hoạch triển khai thi hành trong bộ văn bản?",
    "Trong bộ văn bản có kế hoạch triển khai thi hành những luật nào?",
    # a plan asked by what its title says; written without marks
    "Kế hoạch nào ghi tầm nhìn đến năm 2045 ngay trong tên gọi?",
    "nhung tinh nao nhac toi phat trien dien gio trong ke hoach cua minh",
    # the places a culture plan names
    "Tầm nhìn 2045 sẽ hình thành trung tâm văn hóa, thể thao trọng điểm ở những thành phố nào?",
])
def test_which_places_or_plans_is_a_list_across_plans(text):
    assert question_type(folded(text)) == "list"


@pytest.mark.parametrize("text, qtype", [
    ("Kế hoạch 556/KH-UBND của Đồng Tháp về biển và hải đảo thay thế kế hoạch nào?", "fact"),
    ("Kế hoạch tài chính - NSNN 03 năm 2026-2028 của Cà Mau thay thế kế hoạch nào?", "fact"),
    ("Các tỉnh phải gửi kết quả rà soát văn bản liên quan Luật Bảo vệ dữ liệu cá nhân trước ngày nào?", "when"),
    ("De rut ngan thu tuc xac dinh muc do khuyet tat, Dong Nai kien nghi sua van ban nao?", "fact"),
    ("Ở cấp tỉnh, cơ quan nào thực hiện thủ tục ban hành Kế hoạch chuyển đổi cơ cấu cây trồng?", "who"),
])
def test_a_plan_cited_a_deadline_or_an_amended_document_is_not_a_list(text, qtype):
    assert question_type(folded(text)) == qtype
