"""Build spec.json for unofill.py: what each clerk typed (the intended figures in comments)."""
import json, sys
T = sys.argv[1]  # templates dir (thd generate-templates output)
O = sys.argv[2]  # output dir
INFO = "Thông tin chung"
A, M, P = "1. Hoạt động", "2. Truyền thông", "3. Sản phẩm"

def info(name, date, signer="Nguyễn Văn A", ns=None, vd=None, extra=()):
    ops = [["s", INFO, "B4", name], ["s", INFO, "B5", "123/BC-UBND"], ["s", INFO, "B6", date],
           ["s", INFO, "B7", "CHỦ TỊCH"], ["s", INFO, "B8", signer],
           ["s", INFO, "B11", "Ban hành Kế hoạch số 45/KH-UBND ngày 01/11/2021 triển khai Tháng hành động."],
           ["s", INFO, "B12", "Tổ chức mít tinh, tuyên truyền lưu động tại các xã."],
           ["s", INFO, "B16", "Nhận thức của người dân về bình đẳng giới được nâng lên."],
           ["s", INFO, "B17", "Kinh phí còn hạn chế."],
           ["s", INFO, "B18", "Đề nghị UBND tỉnh bố trí thêm kinh phí cho cấp xã."]]
    if ns is not None: ops.append(["s", INFO, "B13", ns])
    if vd is not None: ops.append(["s", INFO, "B14", vd])
    return ops + list(extra)

def row(sheet, r, item, count, nam, nu, level):
    ops = [["s", sheet, f"B{r}", item]]
    for col, v in zip("CDE", (count, nam, nu)):
        if v is None: continue
        ops.append(["n" if isinstance(v, int) else "s", sheet, f"{col}{r}", v])
    if level: ops.append(["s", sheet, f"F{r}", level])
    return ops

jobs = []
# 1. TP Bắc Kạn, .xls: name as clerks write, numbers as text, a blank Nữ, a "Cộng" subtotal row.
# Intended: Hoạt động: Mít tinh Huyện 3 cuộc, 1234 nam, 1500 nữ; Tập huấn Xã 2 cuộc, 12 nam, blank nữ
# (unknown); subtotal row "Cộng" 5 / 1246 / 1500 must not be added. Truyền thông: Loa phát thanh Xã 120, 4500, 4700.
jobs.append({"src": f"{T}/2021_tpbk_ubnd-thanh-pho-bac-kan.xlsx", "out": f"{O}/BC THD TP Bac Kan.xls",
  "filter": "MS Excel 97",
  "ops": info("UBND TP Bắc Kạn", "18/12/2021", ns="25.000.000", vd="5.000.000")
   + row(A, 7, "Mít tinh", "3", "1.234", "1.500", "Huyện")
   + row(A, 8, "Tập huấn", 2, "12 người", None, "Xã")
   + row(A, 9, "Cộng", 5, 1246, 1500, "")
   + row(M, 7, "Loa phát thanh", 120, 4500, 4700, "Xã")})
# 2. Hội LHPN, .ods: short name, a hidden row with data, level merged over two rows.
# Intended: Hoạt động: Tọa đàm Tỉnh 2, 40, 160; Diễn đàn Tỉnh 1, 30, 270 (row merged level);
# hidden row 9: Thi tìm hiểu pháp luật Huyện 4, 100, 300 (must still be counted).
jobs.append({"src": f"{T}/2021_hlhpn_hoi-lien-hiep-phu-nu-tinh.xlsx", "out": f"{O}/BC Hoi LHPN tinh.ods",
  "filter": "calc8",
  "ops": info("Hội LHPN tỉnh", "15/12/2021", signer="Hoàng Thị B", ns="12000000", vd="0")
   + row(A, 7, "Tọa đàm", 2, 40, 160, "Tỉnh") + row(A, 8, "Diễn đàn", 1, 30, 270, "")
   + [["merge", A, "F7:F8"]]
   + row(A, 9, "Thi tìm hiểu pháp luật", 4, 100, 300, "Huyện") + [["hide", A, 9]]
   + row(P, 7, "Tờ rơi", 2000, 0, 2000, "Tỉnh")})
# 3. Sở Y tế, .xlsx saved by LibreOffice, a SUM formula total row the clerk added.
# Intended: Tập huấn Tỉnh 2, 50, 70; Nói chuyện chuyên đề Huyện 5, 200, 260; "Tổng cộng" = SUM.
jobs.append({"src": f"{T}/2021_syt_so-y-te.xlsx", "out": f"{O}/SYT bao cao thang hanh dong.xlsx",
  "filter": "Calc MS Excel 2007 XML",
  "ops": info("Sở Y tế", "19/12/2021", ns="8.500.000 đồng")
   + row(A, 7, "Tập huấn", 2, 50, 70, "Tỉnh") + row(A, 8, "Nói chuyện chuyên đề", 5, 200, 260, "Huyện")
   + [["s", A, "B9", "Tổng cộng"], ["f", A, "C9", "=SUM(C7:C8)"], ["f", A, "D9", "=SUM(D7:D8)"],
      ["f", A, "E9", "=SUM(E7:E8)"]]})
# 4. Huyện Ba Bể: "12 người" in a number cell and Nam/Nữ merged (one total): must be errors.
jobs.append({"src": f"{T}/2021_babe_ubnd-huyen-ba-be.xlsx", "out": f"{O}/Ba Be.xlsx",
  "filter": "Calc MS Excel 2007 XML",
  "ops": info("UBND huyện Ba Bể", "20/12/2021", ns="3000000")
   + row(A, 7, "Hội thảo", 1, 60, 40, "Huyện")
   + row(M, 7, "Pa nô, áp phích", 15, 900, None, "Xã") + [["merge", M, "D7:E7"]]})
# 5. Huyện Na Rì: late (23/12), all good numbers.
jobs.append({"src": f"{T}/2021_nari_ubnd-huyen-na-ri.xlsx", "out": f"{O}/Na Ri.xlsx",
  "filter": "Calc MS Excel 2007 XML",
  "ops": info("UBND huyện Na Rì", "23/12/2021", ns="4000000", vd="1000000")
   + row(A, 7, "Giao lưu văn nghệ", 3, 150, 210, "Xã")})
json.dump(jobs, open(sys.argv[3], "w"), ensure_ascii=False, indent=1)
