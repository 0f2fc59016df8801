import json

P = "UBND TỈNH LẠNG SƠN"
KT = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "(Đã ký)", ""]


def d(day):
    return f"Lạng Sơn, ngày {day} tháng 12 năm 2026"


def std(file, name, caps, num, day, send, tables, narr, signer, **kw):
    a = dict(
        file=file,
        name=name,
        parent=P,
        name_caps=caps,
        number=num,
        dateline=d(day),
        header="table",
        numbering="roman",
        title="Kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026",
        send=send,
        tables=tables,
        narr=narr,
        sign=KT + [signer],
    )
    a.update(kw)
    return a


S = []
S.append(
    std(
        "BC HLHPN tinh THD 2026",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "BAN THƯỜNG VỤ HỘI LHPN TỈNH",
        "85/BC-HPN",
        14,
        "docx",
        {
            "t1": [
                ["Tọa đàm", 6, 40, 310, "Huyện"],
                ["Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", 4, 0, 52, "Xã"],
            ],
            "t2": [["Mạng xã hội", 25, 1200, 3400, "Tỉnh"]],
            "t3": [["Tờ rơi", 3000, 800, 2200, "Xã"]],
        },
        {
            "I1": "Ban Thường vụ Hội LHPN tỉnh ban hành Kế hoạch số 41/KH-HPN ngày 30/10/2026 triển khai Tháng hành động.",
            "I2": "- Tổ chức 6 buổi tọa đàm về phòng ngừa bạo lực gia đình tại các huyện.\n- Thăm hỏi, tặng quà 52 phụ nữ, trẻ em gái có hoàn cảnh khó khăn.",
            "I3": "Kinh phí: 15.000.000 đồng (ngân sách nhà nước 10 triệu, xã hội hóa 5 triệu).",
            "II1": "Các cấp Hội chủ động phối hợp với ngành Lao động tổ chức hoạt động thiết thực.",
            "II2": "Một số cơ sở Hội ở vùng sâu còn lúng túng trong tổ chức tọa đàm.",
            "II3": "Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ các mô hình Địa chỉ tin cậy tại cộng đồng.",
        },
        "Lương Thị Hạnh",
        sign=["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "", "Lương Thị Hạnh"],
        total="t1",
    )
)
S.append(
    std(
        "SVHTTDL_BC_THD",
        "Sở Văn hóa, Thể thao và Du lịch",
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "312/BC-SVHTTDL",
        15,
        "pdf",
        {
            "t1": [
                ["Giao lưu văn nghệ", 3, 120, 180, "Tỉnh", "Tại Nhà văn hóa tỉnh"],
                ["Thể thao", 2, 260, 140, "Huyện"],
            ],
            "t2": [["Trang thông tin điện tử", 12, 900, 1100, "Tỉnh"]],
            "t3": [
                ["Pano", 20, 0, 0, "Tỉnh", "Treo tại trục đường chính"],
                ["Băng rôn", 45, 0, 0, "Huyện"],
            ],
        },
        {
            "I1": "Sở ban hành Công văn số 1502/SVHTTDL-VHGĐ ngày 05/11/2026 hướng dẫn các đơn vị trực thuộc.",
            "I2": "Tổ chức chương trình giao lưu văn nghệ chủ đề gia đình không bạo lực và giải thể thao phụ nữ tại huyện Chi Lăng.",
            "I3": "a) Ngân sách nhà nước: 22.000.000 đồng\nb) Ngân sách vận động: 3.000.000 đồng",
            "II1": "Các hoạt động văn hóa, thể thao thu hút đông đảo quần chúng tham gia.",
            "II2": "Kinh phí dành cho hoạt động tại cơ sở còn hạn chế.",
            "II3": "Đề nghị Bộ Văn hóa, Thể thao và Du lịch cung cấp thêm tài liệu tuyên truyền về gia đình.",
        },
        "Nông Văn Bình",
        header="paras",
        ghichu="t1",
    )
)
S.append(
    std(
        "STTTT bao cao",
        "Sở Thông tin và Truyền thông",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "207/BC-STTTT",
        16,
        "pdf",
        {
            "t1": [["Tập huấn", 1, 1250, 1250, "Tỉnh"]],
            "t2": [
                ["Hệ thống loa truyền thanh cơ sở", 1250, 12500, 13750, "Xã"],
                ["Báo in", 8, 0, 0, "Tỉnh"],
            ],
            "t3": [["Video clip", 4, 2100, 2300, "Tỉnh"]],
        },
        {
            "I1": "Sở ban hành Văn bản số 880/STTTT-TTBCXB ngày 01/11/2026 chỉ đạo các cơ quan báo chí.",
            "I2": "Hướng dẫn hệ thống truyền thanh cơ sở phát 1.250 lượt tin, bài về bình đẳng giới.",
            "I3": "Không sử dụng kinh phí.",
            "II1": "Thông tin được lan tỏa rộng rãi tới người dân vùng sâu, vùng xa.",
            "II2": "Hạ tầng truyền thanh ở một số xã đã xuống cấp.",
            "II3": "Không có.",
        },
        "Đinh Hữu Hoàn",
        numbers="comma",
    )
)
S.append(
    std(
        "Dai PTTH LS - BC thang hanh dong",
        "Đài Phát thanh và Truyền hình Lạng Sơn",
        "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH LẠNG SƠN",
        "66/BC-PTTH",
        12,
        "docx",
        {
            "t2": [["Phát thanh", 18, 0, 0, "Tỉnh"], ["Truyền hình", 14, 0, 0, "Tỉnh"]],
            "t1": [["Nói chuyện chuyên đề", 1, 35, 45, "Tỉnh"]],
            "t3": [["Video clip", 2, 0, 0, "Tỉnh"]],
        },
        {
            "I1": "Đài xây dựng kế hoạch tuyên truyền, phân công phóng viên phụ trách chuyên mục.",
            "I2": "Mở chuyên mục “Vì bình đẳng giới” phát sóng hằng tuần trên kênh LSTV; thực hiện 18 tin, bài phát thanh và 14 phóng sự truyền hình.",
            "I3": "Kinh phí thực hiện: 8.000.000 đồng.",
            "II1": "Các sản phẩm được đầu tư, phát sóng vào khung giờ vàng.",
            "II2": "Thiếu phóng viên chuyên sâu về giới.",
            "II3": "Đề nghị Sở Lao động - Thương binh và Xã hội cung cấp số liệu, nhân vật để xây dựng phóng sự.",
        },
        "Hoàng Văn Nam",
        numbering="none",
        order=["t2", "t1", "t3"],
    )
)
S.append(
    std(
        "Bao Lang Son",
        "Báo Lạng Sơn",
        "BÁO LẠNG SƠN",
        "40/BC-BLS",
        11,
        "docx",
        {
            "t2": [["Báo in", 9, 0, 0, "Tỉnh"], ["Trang thông tin điện tử", 21, 0, 0, "Tỉnh"]],
            "t3": [["Tranh cổ động", 6, 0, 0, "Tỉnh"]],
        },
        {
            "I1": "Ban Biên tập chỉ đạo các phòng nghiệp vụ xây dựng kế hoạch tuyên truyền.",
            "I2": "Đăng tải 9 tin, bài trên báo in và 21 tin, bài trên báo điện tử.",
            "I3": "Không có.",
            "II1": "Tin, bài bám sát chủ đề của Tháng hành động.",
            "II2": "Không có.",
            "II3": "Không có.",
        },
        "Vi Thị Lan",
        numbering="none",
        header="paras",
    )
)
S.append(
    std(
        "So Tu phap - BC 2026",
        "Sở Tư pháp",
        "SỞ TƯ PHÁP",
        "501/BC-STP",
        16,
        "pdf",
        {
            "t1": [["Thi tìm hiểu pháp luật", 1, 420, 580, "Tỉnh"]]
            + [["Nói chuyện chuyên đề", 1, 30 + i, 40 + i, "Xã"] for i in range(14)],
            "t2": [["Trang thông tin điện tử", 5, 0, 0, "Tỉnh"]],
            "t3": [["Tài liệu tuyên truyền", 500, 0, 0, "Xã"]],
        },
        {
            "I1": "Sở Tư pháp ban hành Kế hoạch số 77/KH-STP ngày 02/11/2026.",
            "I2": "Phối hợp tổ chức cuộc thi tìm hiểu pháp luật về bình đẳng giới trực tuyến với 1.000 lượt người dự thi; tổ chức 14 buổi nói chuyện chuyên đề tại các xã biên giới.",
            "I3": "a) Ngân sách nhà nước: 12.500.000 đồng\nb) Ngân sách vận động: 0 đồng",
            "II1": "Hình thức thi trực tuyến thu hút nhiều người tham gia.",
            "II2": "Một số xã chưa có báo cáo viên pháp luật chuyên trách.",
            "II3": "Đề nghị UBND tỉnh chỉ đạo lồng ghép nội dung bình đẳng giới vào chương trình phổ biến pháp luật năm 2027.",
        },
        "Lê Quang Đức",
    )
)
S.append(
    std(
        "SYT_THD2026",
        "Sở Y tế",
        "SỞ Y TẾ",
        "1190/BC-SYT",
        15,
        "docx",
        {
            "t1": [["Tập huấn", 3, 45, 135, "Tỉnh"], ["Kiểm tra, giám sát", 5, 10, 12, "Huyện"]],
            "t2": [["Trang thông tin điện tử", 6, 0, 0, "Tỉnh"]],
            "t3": [["Tờ rơi", 2000, 0, 0, "Huyện"], ["Áp phích", 150, 0, 0, "Huyện"]],
        },
        {
            "I1": "Sở Y tế ban hành Kế hoạch số 312/KH-SYT ngày 28/10/2026 và chỉ đạo các bệnh viện, trung tâm y tế huyện thực hiện.",
            "I2": "Trong Tháng hành động, ngành Y tế đã tập trung triển khai nhiều hoạt động thiết thực, trong đó chú trọng nâng cao năng lực cho đội ngũ nhân viên y tế trong việc phát hiện, tiếp nhận, sàng lọc và hỗ trợ ban đầu cho nạn nhân bị bạo lực trên cơ sở giới tại các cơ sở khám bệnh, chữa bệnh; đồng thời tổ chức kiểm tra việc bố trí phòng tư vấn, bảo đảm sự riêng tư cho người bệnh là phụ nữ và trẻ em, kịp thời chấn chỉnh những tồn tại trong ghi chép hồ sơ và chuyển tuyến.\n- Tập huấn 3 lớp cho 180 nhân viên y tế.\n- Kiểm tra 5 cơ sở y tế tuyến huyện.",
            "I3": "a) Ngân sách nhà nước: 18.000.000 đồng\nb) Ngân sách vận động: 2.000.000 đồng",
            "II1": "Đội ngũ y tế nâng cao kỹ năng nhận diện dấu hiệu bạo lực.",
            "II2": "- Chưa có quy trình thống nhất tiếp nhận nạn nhân tại tuyến xã.\n- Nhân lực y tế cơ sở còn thiếu.",
            "II3": "Đề nghị Bộ Y tế ban hành hướng dẫn chuyên môn về tiếp nhận, xử trí nạn nhân bạo lực trên cơ sở giới.",
        },
        "Nguyễn Thị Thu",
    )
)
S.append(
    std(
        "CAT_bc",
        "Công an tỉnh",
        "CÔNG AN TỈNH LẠNG SƠN",
        "930/BC-CAT-PV01",
        17,
        "eml-docx",
        {
            "t1": [["Nói chuyện chuyên đề", 7, 380, 290, "Xã"]],
            "t2": [["Mạng xã hội", 30, 0, 0, "Tỉnh"]],
            "t3": [["Khẩu hiệu", 60, 0, 0, "Xã"]],
        },
        {
            "I1": "Công an tỉnh ban hành Kế hoạch số 450/KH-CAT-PV01 ngày 03/11/2026.",
            "I2": "Lực lượng Công an xã tổ chức 7 buổi nói chuyện chuyên đề về phòng, chống bạo lực gia đình và mua bán người.",
            "I3": "Không phát sinh kinh phí.",
            "II1": "Phát hiện, xử lý kịp thời các vụ việc bạo lực gia đình.",
            "II2": "Nhiều nạn nhân còn tâm lý e ngại, không tố giác.",
            "II3": "Không có.",
        },
        "Đại tá Trần Minh Quân",
        sign=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Đại tá Trần Minh Quân"],
        sender="pv01@congan.langson.gov.vn",
    )
)
S.append(
    std(
        "Tinh doan - bao cao",
        "Tỉnh đoàn",
        "BCH ĐOÀN TỈNH LẠNG SƠN",
        "120-BC/TĐTN-XH",
        16,
        "eml-pdf",
        {
            "t1": [["Diễn đàn", 2, 150, 170, "Tỉnh"], ["Thi sáng tác", 1, 60, 95, "Tỉnh"]],
            "t2": [["Mạng xã hội", 40, 5200, 6100, "Tỉnh"]],
            "t3": [["Video clip", 3, 0, 0, "Tỉnh"]],
        },
        {
            "I1": "Ban Thường vụ Tỉnh đoàn ban hành Kế hoạch số 210-KH/TĐTN-XH.",
            "I2": "Tổ chức 02 diễn đàn “Thanh niên nói không với bạo lực học đường” và cuộc thi sáng tác video ngắn.",
            "I3": "Kinh phí: 6.500.000 đồng (ngân sách nhà nước 4 triệu, xã hội hóa 2,5 triệu).",
            "II1": "Thu hút đoàn viên, thanh niên tham gia sáng tạo nội dung.",
            "II2": "Thời gian triển khai trùng với các đợt thi đua cuối năm.",
            "II3": "Đề nghị Trung ương Đoàn hỗ trợ tài liệu sinh hoạt chuyên đề.",
        },
        "Hà Thị Mai",
        sign=["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Hà Thị Mai"],
        sender="tinhdoan@langson.gov.vn",
    )
)
S.append(
    std(
        "UBND huyen Cao Loc",
        "UBND huyện Cao Lộc",
        "ỦY BAN NHÂN DÂN HUYỆN CAO LỘC",
        "245/BC-UBND",
        15,
        "docx",
        {
            "t1": [["Tọa đàm", 4, 90, 160, "Xã"], ["Đối thoại", 2, 55, 65, "Huyện"]],
            "t2": [["Hệ thống loa truyền thanh cơ sở", 96, 0, 0, "Xã"]],
            "t3": [["Băng rôn", 30, 0, 0, "Xã"], ["Khẩu hiệu", 25, 0, 0, "Xã"]],
        },
        {
            "I1": "UBND huyện ban hành Kế hoạch số 188/KH-UBND ngày 04/11/2026.",
            "I2": "- Tổ chức 04 buổi tọa đàm tại các xã Hợp Thành, Tân Liên, Yên Trạch, Gia Cát.\n- Tổ chức 02 buổi đối thoại chính sách với phụ nữ dân tộc thiểu số.",
            "I3": "a) Ngân sách nhà nước: 9.000.000 đồng\nb) Ngân sách vận động: 1.500.000 đồng",
            "II1": "Nhận thức của người dân về bình đẳng giới có chuyển biến tích cực.",
            "II2": "Cán bộ làm công tác bình đẳng giới cấp xã kiêm nhiệm nhiều việc.",
            "II3": "Đề nghị UBND tỉnh tăng cường tập huấn cho cán bộ cấp xã.",
        },
        "Lộc Văn Thắng",
        parent=P,
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lộc Văn Thắng"],
        header="paras",
        total="all",
    )
)
S.append(
    std(
        "BC xa Hop Thanh",
        "UBND xã Hợp Thành",
        "ỦY BAN NHÂN DÂN XÃ HỢP THÀNH",
        "32/BC-UBND",
        13,
        "docx",
        {
            "t1": [["Giao lưu văn nghệ", 1, 40, 75, "Xã"]],
            "t2": [["Hệ thống loa truyền thanh cơ sở", 12, 0, 0, "Xã"]],
            "t3": [["Băng rôn", 4, 0, 0, "Xã"]],
        },
        {
            "I1": "UBND xã ban hành Kế hoạch số 15/KH-UBND ngày 08/11/2026.",
            "I2": "Tổ chức 01 buổi giao lưu văn nghệ tại nhà văn hóa thôn Pác Cam; phát 12 lượt tin trên loa truyền thanh.",
            "I3": "Kinh phí: 2.000.000 đồng từ ngân sách xã.",
            "II1": "Người dân tham gia nhiệt tình.",
            "II2": "Loa truyền thanh một số thôn bị hỏng.",
            "II3": "Đề nghị huyện hỗ trợ sửa chữa hệ thống loa truyền thanh.",
        },
        "Vy Văn Hùng",
        parent="UBND HUYỆN CAO LỘC",
        sign=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Vy Văn Hùng"],
    )
)
S.append(
    std(
        "TP Lang Son BC THD",
        "UBND thành phố Lạng Sơn",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN",
        "410/BC-UBND",
        18,
        "pdf",
        {
            "t1": [
                ["Hội thảo", 1, 30, 50, "Huyện"],
                ["Biểu dương tập thể, cá nhân tiêu biểu", 1, 20, 40, "Huyện"],
            ],
            "t2": [["Trang thông tin điện tử", 10, 0, 0, "Huyện"]],
            "t3": [["Pano", 8, 0, 0, "Huyện"]],
        },
        {
            "I1": "UBND thành phố ban hành Kế hoạch số 301/KH-UBND ngày 29/10/2026.",
            "I2": "Tổ chức hội thảo chuyên đề và biểu dương 12 tập thể, 20 cá nhân tiêu biểu.",
            "I3": "a) Ngân sách nhà nước: 30.000.000 đồng\nb) Ngân sách vận động: 10.000.000 đồng",
            "II1": "Công tác phối hợp giữa các phòng, ban được tăng cường.",
            "II2": "Không có.",
            "II3": "Đề nghị Bộ Lao động - Thương binh và Xã hội sớm hướng dẫn mô hình phòng ngừa bạo lực trên cơ sở giới tại khu dân cư.",
        },
        "Đoàn Thị Hậu",
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Đoàn Thị Hậu"],
        total="all",
    )
)
S.append(
    std(
        "Hoi Nong dan",
        "Hội Nông dân tỉnh",
        "BAN THƯỜNG VỤ HỘI NÔNG DÂN TỈNH",
        "55-BC/HND",
        14,
        "docx",
        {
            "t1": [["Tập huấn", 2, 70, 50, "Huyện"]],
            "t3": [["Tài liệu tuyên truyền", 300, 0, 0, "Huyện"]],
        },
        {
            "I1": "Ban Thường vụ Hội Nông dân tỉnh ban hành Hướng dẫn số 18-HD/HND.",
            "I2": "Tổ chức 02 lớp tập huấn cho hội viên nông dân về bình đẳng giới trong kinh tế hộ.",
            "I3": "Kinh phí: 4.000.000 đồng (ngân sách nhà nước).",
            "II1": "Hội viên nam tham gia đông hơn các năm trước.",
            "II2": "Hội viên làm ăn xa khó tập trung.",
            "II3": "Không có.",
        },
        "Triệu Văn Lực",
        sign=["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "", "Triệu Văn Lực"],
        numbering="none",
    )
)
S.append(
    std(
        "Van Lang - BC",
        "UBND huyện Văn Lãng",
        "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG",
        "199/BC-UBND",
        16,
        "docx",
        {
            "t1": [["Thi sân khấu hóa", 1, 1250, 1480, "Huyện"]],
            "t2": [["Hệ thống loa truyền thanh cơ sở", 1250, 0, 0, "Xã"]],
            "t3": [["Tờ rơi", 1250, 0, 0, "Xã"]],
        },
        {
            "I1": "UBND huyện ban hành Kế hoạch số 90/KH-UBND ngày 06/11/2026.",
            "I2": "Tổ chức hội thi sân khấu hóa cấp huyện với 2.730 lượt người xem.",
            "I3": "a) Ngân sách nhà nước: 7.000.000 đồng\nb) Ngân sách vận động: 0 đồng",
            "II1": "Hội thi được Nhân dân đón nhận.",
            "II2": "Địa bàn rộng, dân cư phân tán.",
            "II3": "Đề nghị UBND tỉnh hỗ trợ kinh phí cho các xã đặc biệt khó khăn.",
        },
        "Nông Thị Vân",
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nông Thị Vân"],
        numbers="dot",
    )
)
S.append(
    std(
        "SGDDT bao cao THD",
        "Sở Giáo dục và Đào tạo",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "1402/BC-SGDĐT",
        15,
        "docx",
        {
            "t1": [
                ["Nói chuyện chuyên đề", 24, 3100, 3400, "Xã"],
                ["Thi tìm hiểu pháp luật", 1, 700, 900, "Tỉnh"],
            ],
            "t2": [["Trang thông tin điện tử", 4, 0, 0, "Tỉnh"]],
            "t3": [["Áp phích", 120, 0, 0, "Xã"]],
        },
        {
            "I1": "Sở ban hành Công văn số 2011/SGDĐT-CTTT ngày 09/11/2026.",
            "I2": "Các trường tổ chức 24 buổi nói chuyện chuyên đề dưới cờ; tổ chức cuộc thi tìm hiểu pháp luật cho học sinh THPT.",
            "I3": "Kinh phí: 5.000.000 đồng (xã hội hóa).",
            "II1": "Học sinh được trang bị kỹ năng tự bảo vệ.",
            "II2": "Thời lượng sinh hoạt chuyên đề còn ít.",
            "II3": "Không có.",
        },
        "Bế Thị Thanh",
        numbers="comma",
    )
)
json.dump(
    S,
    open(__file__.replace("specs.py", "specs.json"), "w", encoding="utf-8"),
    ensure_ascii=False,
    indent=1,
)
print(len(S))
