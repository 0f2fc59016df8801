"""Ba Bể's communes, 2024 (this year). Nam Mẫu's 2023 file is copied in by run.sh (sent by
mistake); Khang Ninh sends twice; Cao Thượng's Word report gives only a total budget."""
from data2023 import G, H, K, PLACE, a  # noqa: F401

ANSWERS = [
    a("CHORA", "UBND thị trấn Chợ Rã", "BC THD 2024 Cho Ra.xlsx", "xlsx", "51/BC-UBND", "04/12/2024",
      acts=[("Nói chuyện chuyên đề", 5, 150, 200, "Xã"), ("Giao lưu văn nghệ", 3, 200, 260, "Xã")],
      media=[("Hệ thống loa truyền thanh cơ sở", 40, None, None, "Xã")],
      prods=[("Băng rôn", 12, None, None, "Xã")], state=6000000, mobilised=2500000),
    a("KHANGNINH", "UBND xã Khang Ninh", "Khang Ninh.xlsx", "xlsx", "33/BC-UBND", "05/12/2024",
      acts=[("Tập huấn", 1, 20, 30, "Xã")], state=4000000, mobilised=1000000),
    a("KHANGNINH", "UBND xã Khang Ninh", "Khang Ninh (gui lai).xlsx", "xlsx", "33/BC-UBND", "08/12/2024",
      acts=[("Tập huấn", 2, 45, 55, "Xã"), ("Thể thao", 1, 90, 50, "Xã")], state=4500000, mobilised=1000000),
    a("CAOTHUONG", "UBND xã Cao Thượng", "BC Cao Thuong 2024.doc", "doc", "60/BC-UBND", "06/12/2024",
      acts=[("Nói chuyện chuyên đề", 4, 110, 150, "Xã")],
      media=[("Hệ thống loa truyền thanh cơ sở", 20, None, None, "Xã")],
      budget_lines=["Kinh phí: 12 triệu đồng"]),
    a("HAHIEU", "UBND xã Hà Hiệu", "Ha Hieu.xlsx", "xlsx", "44/BC-UBND", "09/12/2024",
      acts=[("Thi tìm hiểu pháp luật", 2, 80, 120, "Xã")], prods=[("Tờ rơi", 300, None, None, "Xã")],
      state=3000000, mobilised=0),
    a("DIALINH", "UBND xã Địa Linh", "Dia Linh 2024.pdf", "pdf", "22/BC-UBND", "06/12/2024",
      acts=[("Tọa đàm", 2, 50, 70, "Xã")],
      budget_lines=["a) Ngân sách nhà nước: 2.000.000 đồng", "b) Ngân sách vận động: 0 đồng"]),
    a("YENDUONG", "UBND xã Yến Dương", "Yen Duong.xlsx", "xlsx", "40/BC-UBND", "09/12/2024",
      acts=[("Nói chuyện chuyên đề", 3, 95, 140, "Xã")], state=2000000, mobilised=1000000),
]
