"""Write the province's roster as the officer has it: a CSV (Tên đơn vị, Cấp, Email), no codes.

usage: roster.py OUT.csv [--both]   (--both keeps “UBND xã Văn Lang” beside “UBND xã Văn Lăng”,
finding 1; without it the list is the one the trial went on with)"""

import csv
import sys

PROVINCE = [
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Tỉnh đoàn",
    "Liên đoàn Lao động tỉnh",
    "Hội Nông dân tỉnh",
]
WARDS = [
    "Phan Đình Phùng",
    "Linh Sơn",
    "Tích Lương",
    "Gia Sàng",
    "Quyết Thắng",
    "Quan Triều",
    "Sông Công",
    "Bá Xuyên",
    "Bách Quang",
    "Phổ Yên",
    "Vạn Xuân",
    "Trung Thành",
    "Phúc Thuận",
    "Đức Xuân",
    "Bắc Kạn",
]
COMMUNES = [
    "Đại Phúc",
    "Tân Cương",
    "Thành Công",
    "Đại Từ",
    "Đức Lương",
    "Phú Thịnh",
    "La Bằng",
    "Phú Lạc",
    "An Khánh",
    "Quân Chu",
    "Vạn Phú",
    "Phú Xuyên",
    "Phú Bình",
    "Tân Thành",
    "Điềm Thụy",
    "Kha Sơn",
    "Tân Khánh",
    "Đồng Hỷ",
    "Quang Sơn",
    "Trại Cau",
    "Nam Hòa",
    "Văn Hán",
    "Văn Lăng",
    "Võ Nhai",
    "Dân Tiến",
    "Nghinh Tường",
    "Thần Sa",
    "La Hiên",
    "Tràng Xá",
    "Sảng Mộc",
    "Định Hóa",
    "Bình Yên",
    "Trung Hội",
    "Phượng Tiến",
    "Phú Đình",
    "Bình Thành",
    "Kim Phượng",
    "Lam Vỹ",
    "Phú Lương",
    "Vô Tranh",
    "Yên Trạch",
    "Hợp Thành",
    "Ba Bể",
    "Chợ Rã",
    "Phúc Lộc",
    "Thượng Minh",
    "Đồng Phúc",
    "Bằng Thành",
    "Nghiên Loan",
    "Cao Minh",
    "Ngân Sơn",
    "Nà Phặc",
    "Hiệp Lực",
    "Nam Cường",
    "Quảng Bạch",
    "Yên Thịnh",
    "Chợ Đồn",
    "Yên Phong",
    "Nghĩa Tá",
    "Phủ Thông",
    "Cẩm Giàng",
    "Vĩnh Thông",
    "Bạch Thông",
    "Phong Quang",
    "Văn Lang",
    "Cường Lợi",
    "Na Rì",
    "Trần Phú",
    "Côn Minh",
    "Xuân Dương",
    "Tân Kỳ",
    "Thanh Mai",
]


def rows():
    for name in PROVINCE:
        yield [name, "Tỉnh", ""]
    for name in WARDS:
        yield [f"UBND phường {name}", "Phường", ""]
    both = "--both" in sys.argv
    for i, name in enumerate(c for c in COMMUNES if both or c != "Văn Lang"):
        email = f"ubnd.{i}@thainguyen.gov.vn" if i % 3 == 0 else ""
        yield [f"UBND xã {name}", "Xã", email]


if __name__ == "__main__":
    with open(sys.argv[1], "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Tên đơn vị", "Cấp", "Email"])
        writer.writerows(rows())
