# ruff: noqa  (throw-away build script of trial 10, kept as written)
import sys

sys.path.insert(0, "/tmp/t10")
from fill import fill
import datetime as dt, openpyxl

W = "/tmp/t10/work/"
D = dt.datetime
fill(
    "SYT",
    W + "SYT.xlsx",
    t1=[["Tập huấn", 3, 120, 150, "Tỉnh"], ["Nói chuyện chuyên đề", 5, 200, 260, "Xã"]],
    t2=[["Trang thông tin điện tử", 6, 3000, 3500, "Tỉnh"]],
    t3=[["Tờ rơi", 2000, 1000, 1000, "Xã"]],
)
fill(
    "SGDDT",
    W + "SGDDT.xlsx",
    t1=[
        ["Tập huấn", "2 lượt", "120 người", "khoảng 300", "Tỉnh"],
        ["Hội thảo", 1, "300+", 80, "Tỉnh"],
    ],
)
fill("STP", W + "STP.xlsx", t1=[["Diễn đàn", 2, "1,5 nghìn", 900, "Tỉnh"]])
fill(
    "SVHTTDL",
    W + "SVHTTDL.xlsx",
    t1=[
        ["Giao lưu văn nghệ", "3", "1.200", "1,300", "Xã"],
        ["Thể thao", "2", "1 200", "1\xa0300", "Tỉnh"],
        ["Thi sáng tác", 1, "1\u202f100", "2 000 ", "Xã"],
    ],
    t2=[["Truyền hình", 10, "1 200 000", "1.300.000", "Tỉnh"]],
)
fill(
    "SNV",
    W + "SNV.xlsx",
    t1=[
        ["Tọa đàm", "\xa02\xa0", "\xa045", "50\xa0", "Tỉnh"],
        ["Đối thoại", "1", "60\u200b", "\u200b70", "Xã"],
        ["Tập\xa0huấn", 1, 30, 40, "Tỉnh\xa0"],
    ],
)


def stc(wb):
    ws = wb["1. Hoạt động"]
    ws.auto_filter.ref = "A6:F36"
    ws.row_dimensions[8].hidden = True


fill(
    "STC",
    W + "STC.xlsx",
    t1=[
        ["Tọa đàm", 3, 50, 60, "Tỉnh"],
        ["Hội thảo", 2, 30, 40, "Xã"],
        ["Tập huấn", 1, 10, 20, "Tỉnh"],
    ],
    extra=stc,
)
for r, (a, b) in zip([7, 8, 9], [(1, 3), (2, 1), (3, 2)]):
    pass
fill(
    "CA",
    W + "CA.xlsx",
    t1=[
        ["Tập huấn", 2, 100, 40, "Tỉnh"],
        ["Nói chuyện chuyên đề", 3, 150, 90, "Xã"],
        ["Kiểm tra, giám sát", 1, 5, 3, "Tỉnh"],
    ],
)
fill(
    "BCHQS",
    W + "BCHQS.xlsx",
    t1=[
        ["Tập huấn", 1, 60, 10, "Tỉnh"],
        ["Dòng xóa", 9, 999, 999, "Tỉnh"],
        ["Thể thao", 2, 200, 50, "Xã"],
        ["Giao lưu văn nghệ", 1, 80, 40, "Xã"],
    ],
)


def hl(wb):
    s = wb.create_sheet("Số liệu")
    s["A2"] = "Nam hội thảo"
    s["B2"] = 40
    s["A3"] = "Nữ hội thảo"
    s["B3"] = 60
    ws = wb["1. Hoạt động"]
    ws["D7"] = "='Số liệu'!B2"
    ws["E7"] = "='Số liệu'!B3"


fill(
    "HLHPN",
    W + "HLHPN.xlsx",
    t1=[["Hội thảo", 2, None, None, "Tỉnh"], ["Tọa đàm", 1, None, None, "Xã"]],
    extra=hl,
)
fill(
    "TDOAN",
    W + "TDOAN.xlsx",
    info={6: D(2025, 12, 10), 5: "25/BC-TĐTN"},
    t1=[
        ["Diễn đàn", 1, 50, 50, "Tỉnh"],
        ["Giao lưu văn nghệ", 2, 100, 120, "Huyện"],
        ["Tổng cộng", 3, 150, 170, None],
    ],
)


def ld(wb):
    ws = wb["1. Hoạt động"]
    ws.title = "Hoat dong"
    c = wb.copy_worksheet(wb["2. Truyền thông"])
    c.title = "2. Truyền thông (2)"
    for r in range(7, 37):
        for col in range(2, 7):
            c.cell(r, col).value = None
    for j, v in enumerate(["Báo in", 2, 100, 100, "Xã"]):
        c.cell(7, 2 + j).value = v


fill(
    "LDLD",
    W + "LDLD.xlsx",
    t1=[["Nói chuyện chuyên đề", 2, 80, 120, "Tỉnh"]],
    t2=[["Mạng xã hội", 5, 400, 600, "Tỉnh"]],
    extra=ld,
)
fill(
    "HND",
    W + "HND.xlsx",
    t1=[["Tập huấn", 4, 160, 240, "Xã"]],
    t3=[["Băng rôn", 10, 500, 500, "Xã"]],
)
fill(
    "BAOQT",
    W + "BAOQT.xlsx",
    t2=[
        ["Trang thông tin điện tử", 45, 1200000, 1300000, "Tỉnh"],
        ["Mạng xã hội", 3500000, None, None, "Tỉnh"],
    ],
    info={13: 0, 14: 0},
)
fill(
    "DPTTH",
    W + "DPTTH.xlsx",
    t1=[["Tọa đàm", 1, 20, 30, "Tỉnh"]],
    t2=[["Truyền hình", 12, 5000, 6000, "Tỉnh"]],
)
fill("BDT", W + "BDT.xlsx", t1=[["Đối thoại", 2, 70, 90, "Xã"]])
fill("SKHCN", W + "SKHCN.xlsx", info={6: None})
fill("SNNMT", W + "SNNMT.xlsx", info={6: "15-11-2026"}, t1=[["Tập huấn", 1, 25, 25, "Tỉnh"]])
fill("SCT", W + "SCT.xlsx", info={6: "15/12"}, t1=[["Tập huấn", 1, 15, 35, "Tỉnh"]])
fill(
    "SXD",
    W + "SXD.xlsx",
    info={6: "ngày 15 tháng 12 năm 2026"},
    t1=[["Hội thảo", 1, 30, 20, "Tỉnh"]],
)


def dh(wb):
    wb["Thông tin chung"]["B6"].number_format = "@"


fill(
    "DONGHA",
    W + "DONGHA.xlsx",
    info={6: "16/12/2026", 13: "5 triệu", 14: "500.000đ"},
    t1=[["Giao lưu văn nghệ", 1, 100, 150, "Xã"]],
    extra=dh,
)
fill("PQT", W + "PQT.xlsx", info={13: "5.000.000đ", 14: "5tr"}, t1=[["Thể thao", 1, 60, 40, "Xã"]])
fill(
    "HHOA",
    W + "HHOA.xlsx",
    info={6: "17.12.2026", 13: "5tr", 14: "1.000.000 đồng"},
    t1=[["Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", 3, 2, 9, "Xã"]],
)


def vl(wb):
    ws = wb["1. Hoạt động"]
    ws.protection.sheet = False
    ws["D6"] = "Nữ"
    ws["E6"] = "Nam"


fill("VLINH", W + "VLINH.xlsx", t1=[["Tập huấn", 2, 90, 40, "Xã"]], extra=vl)
fill("GLINH", W + "GLINH_v1.xlsx", info={6: D(2026, 12, 10)}, t1=[["Tập huấn", 1, 20, 30, "Xã"]])
fill("GLINH", W + "GLINH_v2.xlsx", info={6: D(2026, 12, 14)}, t1=[["Tập huấn", 1, 25, 35, "Xã"]])
fill("CLO", W + "CLO.xlsx", t1=[["Hội diễn tuyên truyền viên giỏi", 1, 30, 70, "Xã"]])
print("done")
