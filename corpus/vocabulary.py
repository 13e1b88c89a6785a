"""The plans' own vocabulary: units, responsibility verbs, table columns, abbreviations.

Kept in one place so the parser, the index and the answers speak the same words.
"""
from __future__ import annotations

import re

# Words that open the name of a responsible unit or person in a plan.
UNIT_HEADS = (
    "Phòng", "Văn phòng", "Trung tâm", "Ban", "Công an", "UBND", "Ủy ban", "Uỷ ban",
    "Đảng ủy", "Đảng uỷ", "Chi bộ", "chi bộ", "Hội", "Đoàn", "Mặt trận", "MTTQ", "Cơ quan",
    "Bộ phận", "Tổ", "Trạm", "Trường", "Bí thư", "Trưởng", "Chủ tịch", "Phó Chủ tịch",
    "Các", "các", "Thủ trưởng", "UBKT", "Công chức", "công chức", "BCH", "Quỹ", "Hạt",
    "Đội", "Ngân hàng", "Kho bạc", "Chi cục", "Bưu điện", "Thôn", "Tổ dân phố", "phòng",
    "văn phòng", "trung tâm", "ban", "công an", "Lãnh đạo", "Thành viên", "thành viên",
    # provincial and national bodies (real plans beyond the commune samples)
    "Sở", "sở", "Bộ", "Cục", "Liên hiệp", "Liên đoàn", "Báo", "Đài", "Bảo hiểm", "Viện", "Tỉnh đoàn",
    "Thành đoàn", "Thanh tra", "Tòa án", "Chi nhánh", "Hiệp hội", "Đại học", "Tổng cục", "Ngân hàng",
    "Người đứng đầu", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
)
UNIT_HEAD_RE = "(?:" + "|".join(sorted((re.escape(u) for u in UNIT_HEADS), key=len, reverse=True)) + ")"

# Verbs that end a unit name in "Giao <unit> <verb> ...".
RESPONSIBILITY_VERBS = (
    "chủ trì", "tham mưu", "phối hợp", "theo dõi", "thực hiện", "tổ chức", "triển khai",
    "kịp thời", "chịu trách nhiệm", "hướng dẫn", "xây dựng", "trực tiếp chỉ đạo", "chỉ đạo",
    "đôn đốc", "là người", "có trách nhiệm",
)
VERB_RE = "(?:" + "|".join(sorted((re.escape(v) for v in RESPONSIBILITY_VERBS), key=len, reverse=True)) + ")"

# Table header cell → meaning. Matched on the folded, lower-cased header text.
COLUMN_MEANINGS: list[tuple[str, tuple[str, ...]]] = [
    ("stt", ("so tt", "stt", "tt")),
    ("phoi_hop", ("co quan phoi hop", "don vi phoi hop", "phoi hop")),
    ("chu_tri", ("co quan chu tri", "don vi chu tri", "chu tri")),
    ("tham_muu", ("don vi tham muu", "co quan tham muu", "tham muu")),
    ("thoi_han", ("thoi gian hoan thanh", "thoi gian thuc hien", "thoi han", "tien do", "thoi gian")),
    ("san_pham", ("san pham", "ket qua du kien", "hinh thuc van ban")),
    ("don_vi_tinh", ("don vi tinh", "dvt")),
    ("chi_tieu", ("ke hoach", "chi tieu", "muc tieu", "gia tri")),
    ("noi_dung", ("noi dung", "nhiem vu", "ten chi tieu", "danh muc")),
    ("ghi_chu", ("ghi chu",)),
]
# Vietnamese names for the meanings, used when a table row is rendered as text.
COLUMN_TITLES = {
    "stt": "STT", "noi_dung": "Nội dung", "chu_tri": "Cơ quan chủ trì", "phoi_hop": "Cơ quan phối hợp",
    "thoi_han": "Thời gian hoàn thành", "san_pham": "Sản phẩm", "tham_muu": "Đơn vị tham mưu",
    "don_vi_tinh": "Đơn vị tính", "chi_tieu": "Chỉ tiêu", "ghi_chu": "Ghi chú",
}
LEAD_COLUMNS = ("chu_tri", "tham_muu")

# Abbreviations the plans use; the index adds pairs harvested from "long form (ABBR)".
# Curated abbreviations, both stages use them; "BCH" is left out: it is Ban Chỉ huy and Ban Chấp hành.
ABBREVIATIONS: dict[str, str] = {
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHTN": "bảo hiểm thất nghiệp",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "KNTC": "khiếu nại tố cáo",
    "NTM": "nông thôn mới",
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "DN": "doanh nghiệp",
    "CNTT": "công nghệ thông tin",
    "KT-XH": "kinh tế xã hội",
    "QP-AN": "quốc phòng an ninh",
    "ANTT": "an ninh trật tự",
    "DQTV": "dân quân tự vệ",
    "ATTP": "an toàn thực phẩm",
    "PCCC": "phòng cháy chữa cháy",
    "GPMB": "giải phóng mặt bằng",
    "SXKD": "sản xuất kinh doanh",
    "OCOP": "mỗi xã một sản phẩm",
    "CĐS": "chuyển đổi số",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học công nghệ",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDĐT": "giáo dục đào tạo",
    "VH-XH": "văn hóa xã hội",
    "TN&MT": "tài nguyên và môi trường",
    "TNMT": "tài nguyên môi trường",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "HTX": "hợp tác xã",
    "NSNN": "ngân sách nhà nước",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "TTATGT": "trật tự an toàn giao thông",
    "ATGT": "an toàn giao thông",
    "PCTT": "phòng chống thiên tai",
    "TKCN": "tìm kiếm cứu nạn",
    "CBCC": "cán bộ công chức",
    "CBCCVC": "cán bộ công chức viên chức",
    "BTV": "ban thường vụ",
    "TP": "thành phố",
}


def fold(text: str) -> str:
    """Strip Vietnamese diacritics (đ → d): "chủ trì" → "chu tri"."""
    import unicodedata

    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))
