"""Chợ Đồn's two communes, 2024 (a third district, made quickly)."""

from data2023 import a

PLACE = "Chợ Đồn"
ANSWERS = [
    a(
        "BANGLUNG",
        "UBND thị trấn Bằng Lũng",
        "Bang Lung.xlsx",
        "xlsx",
        "31/BC-UBND",
        "04/12/2024",
        acts=[("Giao lưu văn nghệ", 1, 120, 180, "Xã")],
        state=5000000,
        mobilised=1500000,
    ),
    a(
        "NGOCPHAI",
        "UBND xã Ngọc Phái",
        "Ngoc Phai.xlsx",
        "xlsx",
        "9/BC-UBND",
        "07/12/2024",
        acts=[("Tập huấn", 1, 15, 25, "Xã")],
        media=[("Hệ thống loa truyền thanh cơ sở", 8, None, None, "Xã")],
        state=800000,
        mobilised=0,
    ),
]
