"""Ba Bể's communes, 2023 (last year). Figures are the truth the reports are checked against."""

PLACE = "Ba Bể"
G = "Các hoạt động được nhân dân hưởng ứng tích cực."
H = "Kinh phí còn hạn hẹp, cán bộ kiêm nhiệm nhiều việc."
K = "Đề nghị huyện tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác bình đẳng giới cấp xã."


def a(code, name, file, kind, no, date, **kw):
    base = dict(
        code=code,
        name=name,
        file=file,
        kind=kind,
        no=no,
        date=date,
        title="CHỦ TỊCH",
        signer="Nguyễn Văn An",
        plan=f"{name} ban hành Kế hoạch triển khai Tháng hành động trên địa bàn.",
        text="Tổ chức các hoạt động truyền thông tại thôn, bản.",
        good=G,
        hard=H,
        ask=K,
    )
    base.update(kw)
    return base


ANSWERS = [
    a(
        "CHORA",
        "UBND thị trấn Chợ Rã",
        "BC THD Cho Ra.xlsx",
        "xlsx",
        "45/BC-UBND",
        "05/12/2023",
        acts=[
            ("Nói chuyện chuyên đề", 4, 120, 180, "Xã"),
            ("Giao lưu văn nghệ", 2, 150, 210, "Xã"),
        ],
        media=[("Hệ thống loa truyền thanh cơ sở", 30, None, None, "Xã")],
        prods=[("Băng rôn", 10, None, None, "Xã")],
        state=5000000,
        mobilised=2000000,
    ),
    a(
        "NAMMAU",
        "UBND xã Nam Mẫu",
        "Nam Mau bao cao.xlsx",
        "xlsx",
        "30/BC-UBND",
        "06/12/2023",
        acts=[("Tọa đàm", 2, 40, 60, "Xã")],
        media=[("Hệ thống loa truyền thanh cơ sở", 20, None, None, "Xã")],
        prods=[("Khẩu hiệu", 15, None, None, "Xã")],
        state=3000000,
        mobilised=0,
    ),
    a(
        "KHANGNINH",
        "UBND xã Khang Ninh",
        "Khang Ninh.xlsx",
        "xlsx",
        "28/BC-UBND",
        "07/12/2023",
        acts=[("Tập huấn", 1, 25, 35, "Xã"), ("Thể thao", 1, 80, 40, "Xã")],
        state=4000000,
        mobilised=1000000,
    ),
    a(
        "CAOTHUONG",
        "UBND xã Cao Thượng",
        "BC Cao Thuong.doc",
        "doc",
        "52/BC-UBND",
        "06/12/2023",
        acts=[("Nói chuyện chuyên đề", 3, 90, 130, "Xã")],
        media=[("Hệ thống loa truyền thanh cơ sở", 15, None, None, "Xã")],
        budget_lines=[
            "a) Ngân sách nhà nước: 2.000.000 đồng",
            "b) Ngân sách vận động: 500.000 đồng",
        ],
    ),
    a(
        "HAHIEU",
        "UBND xã Hà Hiệu",
        "Ha Hieu.xlsx",
        "xlsx",
        "41/BC-UBND",
        "08/12/2023",
        acts=[("Thi tìm hiểu pháp luật", 1, 60, 90, "Xã")],
        prods=[("Tờ rơi", 200, None, None, "Xã")],
        state=2500000,
        mobilised=0,
    ),
    a(
        "DIALINH",
        "UBND xã Địa Linh",
        "Dia Linh.pdf",
        "pdf",
        "19/BC-UBND",
        "07/12/2023",
        acts=[("Tọa đàm", 1, 30, 45, "Xã")],
        budget_lines=["a) Ngân sách nhà nước: 1.500.000 đồng", "b) Ngân sách vận động: 0 đồng"],
    ),
    a(
        "YENDUONG",
        "UBND xã Yến Dương",
        "Yen Duong.xlsx",
        "xlsx",
        "37/BC-UBND",
        "09/12/2023",
        acts=[("Nói chuyện chuyên đề", 2, 70, 100, "Xã")],
        state=2000000,
        mobilised=500000,
    ),
]
