"""A question names a role only when "giao" assigns ("giao cho", "được giao", "UBND tỉnh giao Sở …"), not when it
is a syllable of another word: "chuyển giao", "bàn giao", "ngoại giao" end on it, "giao thông", "giao dịch", "giao
lưu" open on it (corpus.text GIAO_COMPOUND_BEFORE / _AFTER). Wordings modelled on dev plans: a technology-roadmap
plan (chuyển giao công nghệ), a mine-clearance plan and an inspection plan (bàn giao), a personal-data law plan
(cơ quan đại diện ngoại giao), a digital-economy plan (giao dịch điện tử)."""
from corpus.text import folded
from retrieval.query import role_flags


def names_role(question: str) -> bool:
    return role_flags(folded(question)).explicit_role


def test_giao_ending_a_compound_names_no_role():
    assert not names_role("Việc đẩy mạnh hợp tác với viện nghiên cứu để chuyển giao công nghệ tiên tiến do ai thực hiện?")
    assert not names_role("Ai bàn giao bom, vật nổ tại hiện trường?")
    assert not names_role("Cơ quan nào làm việc với các cơ quan đại diện ngoại giao Việt Nam tại nước ngoài?")
    assert not names_role("chuyen giao cong nghe so vao tinh do nhung co quan nao thuc hien")  # typed without marks
    # a unit's name or a field ending on "giáo": the campaign plan's Ban Tuyên giáo, a religion-affairs duty
    assert not names_role("Ban Tuyên giáo và Dân vận Tỉnh ủy tuyên truyền những nội dung gì?")
    assert not names_role("Công tác tôn giáo trên địa bàn do cơ quan nào theo dõi?")


def test_giao_opening_a_compound_names_no_role():
    assert not names_role("Ai triển khai giao dịch điện tử trong thủ tục hành chính?")
    assert not names_role("Tổ chức giao lưu văn hóa do cơ quan nào làm?")
    assert not names_role("Đơn vị nào đầu tư hạ tầng giao thông?")


def test_giao_that_assigns_names_a_role_even_beside_a_compound():
    assert names_role("Các đơn vị được giao nhiệm vụ phải làm gì?")
    assert names_role("UBND tỉnh giao Sở Khoa học và Công nghệ việc gì?")
    assert names_role("UBND xã giao cho ai rà soát văn bản?")  # "xã giao" folded is also an assignment
    assert names_role("Sở nào được giao chuyển giao công nghệ cho nông dân?")
    # the other role words are unaffected by a compound beside them
    assert names_role("Ai chủ trì bàn giao mặt bằng?")
