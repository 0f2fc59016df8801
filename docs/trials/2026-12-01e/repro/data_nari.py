"""Na Rì's two communes, 2024 (a second district, made quickly)."""

from data2023 import a

PLACE = "Na Rì"
ANSWERS = [
    a(
        "KIMLU",
        "UBND xã Kim Lư",
        "Kim Lu.xlsx",
        "xlsx",
        "12/BC-UBND",
        "05/12/2024",
        acts=[("Nói chuyện chuyên đề", 2, 60, 90, "Xã")],
        media=[("Mạng xã hội", 10, 300, 500, "Xã")],
        state=1000000,
        mobilised=0,
    ),
    a(
        "YENLAC",
        "UBND thị trấn Yến Lạc",
        "Yen Lac.xlsx",
        "xlsx",
        "20/BC-UBND",
        "06/12/2024",
        acts=[("Tọa đàm", 1, 35, 40, "Xã")],
        prods=[("Pano", 2, None, None, "Xã")],
        state=3000000,
        mobilised=500000,
    ),
]
