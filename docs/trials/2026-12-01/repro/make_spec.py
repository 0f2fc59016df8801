"""Build spec.json for unofill.py: what each clerk typed (the intended figures in comments)."""

import json
import sys

T = sys.argv[1]  # templates dir (thd generate-templates output)
OUT = sys.argv[2]  # output dir
INFO = "Thông tin chung"
A, M, P = "1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"


def info(name, date, signer="Nguyễn Văn A", ns=None, vd=None, extra=()):
    ops = [
        ["s", INFO, "B4", name],
        ["s", INFO, "B5", "123/BC-UBND"],
        ["s", INFO, "B6", date],
        ["s", INFO, "B7", "CHỦ TỊCH"],
        ["s", INFO, "B8", signer],
        [
            "s",
            INFO,
            "B11",
            "Ban hành Kế hoạch số 45/KH-UBND ngày 01/11/2021 triển khai Tháng hành động.",
        ],
        ["s", INFO, "B12", "Tổ chức mít tinh, tuyên truyền lưu động tại các xã."],
        ["s", INFO, "B16", "Nhận thức của người dân về bình đẳng giới được nâng lên."],
        ["s", INFO, "B17", "Kinh phí còn hạn chế."],
        ["s", INFO, "B18", "Đề nghị UBND tỉnh bố trí thêm kinh phí cho cấp xã."],
    ]
    if ns is not None:
        ops.append(["s", INFO, "B13", ns])
    if vd is not None:
        ops.append(["s", INFO, "B14", vd])
    return ops + list(extra)


def row(sheet, r, item, count, nam, nu, level):
    ops = [["s", sheet, f"B{r}", item]]
    for col, v in zip("CDE", (count, nam, nu), strict=False):
        if v is None:
            continue
        ops.append(["n" if isinstance(v, int) else "s", sheet, f"{col}{r}", v])
    if level:
        ops.append(["s", sheet, f"F{r}", level])
    return ops


jobs = []
# 1. TP Bắc Kạn, .xls: name as clerks write, numbers as text, a blank Nữ, a "Cộng" subtotal row.
# Intended: Hoạt động: Mít tinh Huyện 3 cuộc, 1234 nam, 1500 nữ; Tập huấn Xã 2 cuộc, 12 nam, blank nữ
# (unknown); subtotal row "Cộng" 5 / 1246 / 1500 must not be added. Truyền thông: Loa phát thanh Xã 120, 4500, 4700.
jobs.append(
    {
        "src": f"{T}/2021_tpbk_ubnd-thanh-pho-bac-kan.xlsx",
        "out": f"{OUT}/BC THD TP Bac Kan.xls",
        "filter": "MS Excel 97",
        "ops": info("UBND TP Bắc Kạn", "18/12/2021", ns="25.000.000", vd="5.000.000")
        + row(A, 7, "Mít tinh", "3", "1.234", "1.500", "Huyện")
        + row(A, 8, "Tập huấn", 2, "12 người", None, "Xã")
        + row(A, 9, "Cộng", 5, 1246, 1500, "")
        + row(M, 7, "Loa phát thanh", 120, 4500, 4700, "Xã"),
    }
)
# 2. Hội LHPN, .ods: short name, a hidden row with data, level merged over two rows.
# Intended: Hoạt động: Tọa đàm Tỉnh 2, 40, 160; Diễn đàn Tỉnh 1, 30, 270 (row merged level);
# hidden row 9: Thi tìm hiểu pháp luật Huyện 4, 100, 300 (must still be counted).
jobs.append(
    {
        "src": f"{T}/2021_hlhpn_hoi-lien-hiep-phu-nu-tinh.xlsx",
        "out": f"{OUT}/BC Hoi LHPN tinh.ods",
        "filter": "calc8",
        "ops": info("Hội LHPN tỉnh", "15/12/2021", signer="Hoàng Thị B", ns="12000000", vd="0")
        + row(A, 7, "Tọa đàm", 2, 40, 160, "Tỉnh")
        + row(A, 8, "Diễn đàn", 1, 30, 270, "")
        + [["merge", A, "F7:F8"]]
        + row(A, 9, "Thi tìm hiểu pháp luật", 4, 100, 300, "Huyện")
        + [["hide", A, 9]]
        + row(P, 7, "Tờ rơi", 2000, 0, 2000, "Tỉnh"),
    }
)
# 3. Sở Y tế, .xlsx saved by LibreOffice, a SUM formula total row the clerk added.
# Intended: Tập huấn Tỉnh 2, 50, 70; Nói chuyện chuyên đề Huyện 5, 200, 260; "Tổng cộng" = SUM.
jobs.append(
    {
        "src": f"{T}/2021_syt_so-y-te.xlsx",
        "out": f"{OUT}/SYT bao cao thang hanh dong.xlsx",
        "filter": "Calc MS Excel 2007 XML",
        "ops": info("Sở Y tế", "19/12/2021", ns="8.500.000 đồng")
        + row(A, 7, "Tập huấn", 2, 50, 70, "Tỉnh")
        + row(A, 8, "Nói chuyện chuyên đề", 5, 200, 260, "Huyện")
        + [
            ["s", A, "B9", "Tổng cộng"],
            ["f", A, "C9", "=SUM(C7:C8)"],
            ["f", A, "D9", "=SUM(D7:D8)"],
            ["f", A, "E9", "=SUM(E7:E8)"],
        ],
    }
)
# 4. Huyện Ba Bể: "12 người" in a number cell and Nam/Nữ merged (one total): must be errors.
jobs.append(
    {
        "src": f"{T}/2021_babe_ubnd-huyen-ba-be.xlsx",
        "out": f"{OUT}/Ba Be.xlsx",
        "filter": "Calc MS Excel 2007 XML",
        "ops": info("UBND huyện Ba Bể", "20/12/2021", ns="3000000")
        + row(A, 7, "Hội thảo", 1, 60, 40, "Huyện")
        + row(M, 7, "Pa nô, áp phích", 15, 900, None, "Xã")
        + [["merge", M, "D7:E7"]],
    }
)
# 5. Huyện Na Rì: late (23/12), all good numbers.
jobs.append(
    {
        "src": f"{T}/2021_nari_ubnd-huyen-na-ri.xlsx",
        "out": f"{OUT}/Na Ri.xlsx",
        "filter": "Calc MS Excel 2007 XML",
        "ops": info("UBND huyện Na Rì", "23/12/2021", ns="4000000", vd="1000000")
        + row(A, 7, "Giao lưu văn nghệ", 3, 150, 210, "Xã"),
    }
)
# Batch 2 (written to the other/ dir): the e-mail's, the zip's forms, and a form retyped in a new workbook.
if len(sys.argv) > 4:
    X = sys.argv[4]
    jobs = [
        {
            "src": f"{T}/2021_tdoan_tinh-doan.xlsx",
            "out": f"{X}/tdoan.xlsx",
            "filter": "Calc MS Excel 2007 XML",
            "ops": info("Tỉnh đoàn", "21/12/2021", ns="2000000")
            + row(M, 7, "Mạng xã hội", 10, 3000, 3500, "Tỉnh"),
        },
        {
            "src": f"{T}/2021_chodon_ubnd-huyen-cho-don.xlsx",
            "out": f"{X}/chodon.xlsx",
            "filter": "Calc MS Excel 2007 XML",
            "ops": info("UBND huyện Chợ Đồn", "17/12/2021", ns="6000000")
            + row(A, 7, "Mít tinh", 2, 300, 350, "Huyện"),
        },
        {
            "src": f"{T}/2021_pacnam_ubnd-huyen-pac-nam.xlsx",
            "out": f"{X}/pacnam.xlsx",
            "filter": "Calc MS Excel 2007 XML",
            "ops": info("UBND huyện Pác Nặm", "18/12/2021", ns="1500000")
            + row(A, 7, "Mít tinh", 1, 80, 95, "Xã"),
        },
        # Retyped by Sở Tư pháp in a blank workbook, one sheet, own layout, saved as .xls.
        # Intended: Thi tìm hiểu pháp luật Tỉnh 1 cuộc, 350 nam, 420 nữ; Tuyên truyền pháp luật Xã 12, 600, 700.
        {
            "src": None,
            "out": f"{X}/BC STP tu lam.xls",
            "filter": "MS Excel 97",
            "ops": [
                ["s", "Sheet1", "A1", "SỞ TƯ PHÁP TỈNH BẮC KẠN"],
                ["s", "Sheet1", "A2", "BÁO CÁO KẾT QUẢ THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI NĂM 2021"],
                ["s", "Sheet1", "A3", "Ngày báo cáo: 14/12/2021"],
                ["s", "Sheet1", "A4", "Kinh phí: Ngân sách nhà nước: 10.000.000 đồng"],
                ["s", "Sheet1", "A6", "1. Tổ chức các hoạt động hưởng ứng"],
                ["s", "Sheet1", "A7", "STT"],
                ["s", "Sheet1", "B7", "Hoạt động"],
                ["s", "Sheet1", "C7", "Số cuộc"],
                ["s", "Sheet1", "D7", "Số người tham gia"],
                ["s", "Sheet1", "F7", "Cấp triển khai"],
                ["s", "Sheet1", "D8", "Nam"],
                ["s", "Sheet1", "E8", "Nữ"],
                ["n", "Sheet1", "A9", 1],
                ["s", "Sheet1", "B9", "Thi tìm hiểu pháp luật"],
                ["n", "Sheet1", "C9", 1],
                ["n", "Sheet1", "D9", 350],
                ["n", "Sheet1", "E9", 420],
                ["s", "Sheet1", "F9", "Tỉnh"],
                ["n", "Sheet1", "A10", 2],
                ["s", "Sheet1", "B10", "Tuyên truyền pháp luật"],
                ["n", "Sheet1", "C10", 12],
                ["n", "Sheet1", "D10", 600],
                ["n", "Sheet1", "E10", 700],
                ["s", "Sheet1", "F10", "Xã"],
                ["s", "Sheet1", "A12", "Người ký: Phó Giám đốc Lý Văn E"],
            ],
        },
    ]
with open(sys.argv[3], "w") as out:
    json.dump(jobs, out, ensure_ascii=False, indent=1)
