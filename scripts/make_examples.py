"""Build the example inboxes from generated forms, filled in the way agencies fill them in.

examples/inbox/      valid reports of 24 of the 28 agencies of the default roster (one late);
                     the main job runs on it: `thd consolidate examples/inbox --out baocao.docx`.
examples/inbox-loi/  forms with the mistakes agencies typically make, listed for officers in
                     DANH-SACH-LOI.md and for the tests in scripts/examples_loi_expected.json.

Both folders are cleared and rebuilt. The output is deterministic: fixed data, one
random.Random(2021) for the head counts, fixed workbook and zip timestamps.

Run from the repository root: .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import io
import json
import random
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from thanghanhdong import config, form
from thanghanhdong.config import Campaign
from thanghanhdong.messages import CATALOGUE
from thanghanhdong.model import Severity
from thanghanhdong.sample import SampleReport, SampleRow, fill_bytes
from thanghanhdong.template import FormStamper, file_name

ROOT = Path(__file__).resolve().parents[1]
INBOX = ROOT / "examples" / "inbox"
INBOX_LOI = ROOT / "examples" / "inbox-loi"
EXPECTED_JSON = ROOT / "scripts" / "examples_loi_expected.json"
ERRORS_LIST = "DANH-SACH-LOI.md"

SEED = 2021
FIXED_TIME = datetime(2021, 12, 20, 8, 0, 0)  # every workbook and zip entry carries this time
MISSING = {"SKHDT", "STC", "BDT", "PACNAM"}  # agencies that sent nothing
LATE = {"NGANSON"}  # reports dated after the deadline (20/12/2021)

ACT, MEDIA, PROD = "activities", "media", "products"
SHEET = {spec.key: spec.sheet for spec in form.TABLES}


# ----------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class Spec:
    """One table row as the agency reports it; head counts are drawn from the ranges.

    For activities `people` is the range of participants per session; for media and products it
    is the range of the total reach (an estimate, so it is rounded).
    """

    table: str
    item: str
    level: str
    count: int
    people: tuple[int, int]
    female: tuple[int, int]  # percent


def act(item: str, level: str, count: int, per_session: tuple[int, int], female=(50, 70)) -> Spec:
    return Spec(ACT, item, level, count, per_session, female)


def med(item: str, level: str, count: int, reach: tuple[int, int], female=(48, 52)) -> Spec:
    return Spec(MEDIA, item, level, count, reach, female)


def prod(item: str, level: str, count: int, reach: tuple[int, int], female=(48, 54)) -> Spec:
    return Spec(PROD, item, level, count, reach, female)


@dataclass(frozen=True)
class Profile:
    number: str
    day: int  # of December 2021
    signer: tuple[str, str]  # title, name (fictitious)
    contact: str
    budget: tuple[int, int]  # state, mobilised (VND)
    narratives: tuple[str, str, str, str, str]  # in form.NARRATIVE_KEYS order
    rows: tuple[Spec, ...]
    file_name: str | None = None  # as the agency renamed it; None keeps the generated name


# ----------------------------------------------------------------------------- the agencies

PROFILES: dict[str, Profile] = {
    "SLDTBXH": Profile(
        "318/BC-SLĐTBXH",
        17,
        ("Phó Giám đốc", "Hà Văn Thưởng"),
        "Lục Thị Hương, Phòng Bảo trợ xã hội - Trẻ em - Bình đẳng giới, 0209 3871 246",
        (45_000_000, 12_000_000),
        (
            "Ngay sau khi UBND tỉnh ban hành Kế hoạch số 622/KH-UBND ngày 18/10/2021, Sở đã ban "
            "hành Công văn số 2315/SLĐTBXH-BTXH hướng dẫn các sở, ban, ngành, đoàn thể và UBND "
            "các huyện, thành phố triển khai Tháng hành động. Sở phân công Phòng Bảo trợ xã hội - "
            "Trẻ em - Bình đẳng giới theo dõi, đôn đốc và tổng hợp kết quả trên địa bàn tỉnh.",
            "Sở phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức Lễ phát động và tọa đàm “Đảm bảo an "
            "sinh xã hội, tăng cường quyền năng cho phụ nữ và trẻ em gái” ngày 25/11/2021; mở 02 "
            "lớp tập huấn kiến thức bình đẳng giới cho cán bộ cấp huyện, xã. Tổ chức 03 đợt thăm, "
            "tặng quà phụ nữ, trẻ em có hoàn cảnh khó khăn do dịch COVID-19 và kiểm tra việc thực "
            "hiện Tháng hành động tại 04 huyện.",
            "Các hoạt động được tổ chức đúng chủ đề, bảo đảm an toàn phòng, chống dịch COVID-19; "
            "nhận thức của cán bộ, công chức và người dân về bình đẳng giới từng bước được nâng "
            "lên. Bài học kinh nghiệm là cần sự vào cuộc của cấp ủy, chính quyền và sự phối hợp "
            "chặt chẽ giữa các ngành, đoàn thể ngay từ khâu xây dựng kế hoạch.",
            "Do diễn biến phức tạp của dịch COVID-19, một số hoạt động tập trung đông người phải "
            "thu hẹp quy mô. Kinh phí cho công tác bình đẳng giới còn hạn chế; cán bộ làm công tác "
            "bình đẳng giới cấp xã chủ yếu kiêm nhiệm, thường xuyên thay đổi.",
            "Đề nghị Bộ Lao động - Thương binh và Xã hội tiếp tục hỗ trợ tài liệu truyền thông, "
            "nhất là tài liệu song ngữ tiếng Tày, tiếng Dao. Đề nghị UBND tỉnh quan tâm bố trí kinh "
            "phí để tổ chức tốt các hoạt động bình đẳng giới những năm tiếp theo.",
        ),
        (
            act("Tọa đàm", "Tỉnh", 1, (80, 120)),
            act("Tập huấn", "Tỉnh", 2, (50, 70)),
            act("Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", "Tỉnh", 3, (20, 40)),
            act("Kiểm tra, giám sát", "Huyện", 4, (20, 30), female=(45, 60)),
            med("Trang thông tin điện tử", "Tỉnh", 6, (3_000, 6_000)),
            med("Mạng xã hội", "Tỉnh", 10, (5_000, 9_000)),
            prod("Băng rôn", "Tỉnh", 15, (5_000, 10_000)),
            prod("Tài liệu tuyên truyền", "Tỉnh", 1_200, (1_000, 1_200)),
            prod("Tranh cổ động", "Tỉnh", 40, (3_000, 6_000)),
        ),
    ),
    "HLHPN": Profile(
        "45/BC-HLHPN",
        16,
        ("Phó Chủ tịch", "Triệu Thị Mai"),
        "Nông Thu Trang, Ban Tuyên giáo, 0209 3872 415",
        (38_500_000, 64_200_000),
        (
            "Ban Thường vụ Hội LHPN tỉnh ban hành Kế hoạch số 112/KH-HLHPN ngày 01/11/2021 và hướng "
            "dẫn Hội LHPN các huyện, thành phố xây dựng kế hoạch thực hiện. 100% cơ sở Hội lồng "
            "ghép nội dung bình đẳng giới, phòng chống bạo lực gia đình vào sinh hoạt chi, tổ hội "
            "trong tháng 11 và tháng 12/2021.",
            "Tổ chức 03 diễn đàn “Phụ nữ và trẻ em gái lên tiếng phòng chống bạo lực” tại các huyện "
            "Ba Bể, Chợ Mới, Na Rì; 06 buổi đối thoại chính sách và 18 buổi nói chuyện chuyên đề "
            "tại cơ sở; 01 lớp tập huấn cho cán bộ Hội chủ chốt. Phối hợp tổ chức 02 hội thi tìm "
            "hiểu pháp luật, 04 hội thi nấu ăn “Gia đình hạnh phúc”, giao lưu văn nghệ tại các xã; "
            "thăm, tặng quà 12 đợt cho phụ nữ, trẻ em có hoàn cảnh khó khăn, nạn nhân bạo lực "
            "gia đình.",
            "Các hoạt động thu hút đông đảo hội viên, phụ nữ và cả nam giới tham gia; nhiều chi hội "
            "duy trì hiệu quả mô hình “Địa chỉ tin cậy ở cộng đồng”, “Câu lạc bộ gia đình hạnh "
            "phúc”. Bài học kinh nghiệm là đa dạng hóa hình thức tuyên truyền, dùng tiếng dân tộc "
            "và lồng ghép với sinh hoạt hội cho phù hợp với từng nhóm đối tượng.",
            "Một số hoạt động tập trung phải lùi thời gian hoặc giảm số người dự do dịch COVID-19. "
            "Nguồn lực vận động còn hạn chế; cán bộ chi hội ở thôn, bản vùng cao còn hạn chế về kỹ "
            "năng truyền thông.",
            "Đề nghị UBND tỉnh tiếp tục bố trí kinh phí cho các mô hình phòng chống bạo lực gia "
            "đình ở cơ sở. Đề nghị Sở Lao động - Thương binh và Xã hội hỗ trợ tờ rơi, tài liệu "
            "tuyên truyền song ngữ.",
        ),
        (
            act("Diễn đàn", "Huyện", 3, (80, 150), female=(65, 80)),
            act("Đối thoại", "Xã", 6, (40, 80), female=(60, 75)),
            act("Nói chuyện chuyên đề", "Xã", 18, (30, 70), female=(60, 75)),
            act("Tập huấn", "Tỉnh", 1, (70, 90), female=(80, 90)),
            act("Thi tìm hiểu pháp luật", "Huyện", 2, (100, 250), female=(60, 70)),
            act("Hội thi nấu ăn gia đình hạnh phúc", "Xã", 4, (60, 120)),
            act("Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", "Xã", 12, (20, 40)),
            act("Biểu dương tập thể, cá nhân tiêu biểu", "Tỉnh", 1, (100, 150), female=(65, 80)),
            act("giao lưu văn nghệ", "Xã", 5, (80, 200)),
            med("Mạng xã hội", "Tỉnh", 35, (20_000, 40_000), female=(55, 62)),
            med("Trang thông tin điện tử", "Tỉnh", 12, (8_000, 15_000)),
            prod("Tờ rơi", "Xã", 5_000, (4_000, 5_000), female=(58, 66)),
            prod("Áp phích", "Huyện", 40, (6_000, 12_000)),
            prod("Băng rôn", "Huyện", 24, (8_000, 15_000)),
        ),
        file_name="BC THD 2021 - Hoi LHPN.xlsx",
    ),
    "SVHTTDL": Profile(
        "156/BC-SVHTTDL",
        15,
        ("Phó Giám đốc", "Hoàng Văn Thắng"),
        "Dương Thị Hảo, Phòng Quản lý Văn hóa và Gia đình, 0209 3870 932",
        (25_000_000, 0),
        (
            "Sở ban hành Kế hoạch số 2035/KH-SVHTTDL ngày 03/11/2021 hưởng ứng Tháng hành động; "
            "chỉ đạo Trung tâm Văn hóa Nghệ thuật tỉnh, Thư viện tỉnh và Phòng Văn hóa và Thông tin "
            "các huyện, thành phố triển khai các hoạt động tuyên truyền, văn hóa, thể thao.",
            "Tổ chức 02 chương trình giao lưu văn nghệ chủ đề “Chấm dứt bạo lực, vun đắp yêu "
            "thương”, 01 giải thể thao dành cho nữ công chức, viên chức và 01 buổi biểu diễn sân "
            "khấu hóa về phòng chống bạo lực gia đình. Treo băng rôn, khẩu hiệu, pano, trưng bày "
            "tranh cổ động tại các tuyến phố chính của thành phố Bắc Kạn; kiểm tra công tác gia "
            "đình, phòng chống bạo lực gia đình tại 03 huyện.",
            "Các chương trình văn hóa, văn nghệ thu hút đông đảo người dân đến xem, cổ vũ; thông "
            "điệp của Tháng hành động được lan tỏa rộng rãi. Việc lồng ghép tuyên truyền với hoạt "
            "động văn hóa, thể thao được người dân đón nhận tích cực.",
            "Do ảnh hưởng của dịch COVID-19, các hoạt động được tổ chức với quy mô nhỏ, hạn chế "
            "khán giả. Kinh phí dành cho hoạt động hưởng ứng còn ít.",
            "Đề nghị các cấp tiếp tục bố trí kinh phí để duy trì các đội văn nghệ tuyên truyền lưu "
            "động phục vụ vùng sâu, vùng xa.",
        ),
        (
            act("Giao lưu văn nghệ", "Tỉnh", 2, (200, 300)),
            act("Thể thao", "Tỉnh", 1, (150, 250), female=(75, 90)),
            act("Thi sân khấu hóa", "Tỉnh", 1, (200, 300)),
            act("Kiểm tra, giám sát", "Huyện", 3, (20, 25), female=(40, 60)),
            med("Trang thông tin điện tử", "Tỉnh", 8, (4_000, 7_000)),
            prod("Pano", "Tỉnh", 6, (15_000, 30_000)),
            prod("Khẩu hiệu", "Tỉnh", 30, (10_000, 20_000)),
            prod("Băng rôn", "Tỉnh", 20, (10_000, 20_000)),
            prod("Tranh cổ động", "Tỉnh", 50, (5_000, 9_000)),
        ),
    ),
    "STTTT": Profile(
        "212/BC-STTTT",
        17,
        ("Phó Giám đốc", "Lê Minh Tuấn"),
        "Hà Thị Diệp, Phòng Thông tin - Báo chí - Xuất bản, 0209 3878 021",
        (8_000_000, 0),
        (
            "Sở ban hành Công văn số 1688/STTTT-TTBCXB ngày 29/10/2021 hướng dẫn các cơ quan báo "
            "chí, hệ thống thông tin cơ sở tuyên truyền Tháng hành động. Chỉ đạo Trung tâm Công "
            "nghệ thông tin và Truyền thông đăng tải tin, bài và bộ nhận diện Tháng hành động trên "
            "Cổng thông tin điện tử tỉnh.",
            "Đăng tải tin, bài, sản phẩm truyền thông trên Cổng thông tin điện tử tỉnh, trang "
            "thông tin điện tử và các trang mạng xã hội của Sở. Tổ chức 02 đợt kiểm tra hoạt động "
            "thông tin, báo chí, thông tin trên Internet; không phát hiện sản phẩm có nội dung "
            "định kiến giới.",
            "Thông tin về Tháng hành động được đăng tải kịp thời, thống nhất; các cơ quan báo chí, "
            "đài truyền thanh cấp huyện, xã thực hiện nghiêm hướng dẫn tuyên truyền. Mạng xã hội "
            "giúp thông điệp đến nhanh với người trẻ.",
            "Một số đài truyền thanh cấp xã xuống cấp, hoạt động không thường xuyên. Nội dung "
            "tuyên truyền trên mạng xã hội chưa phong phú, chủ yếu chia sẻ lại tin, bài.",
            "Đề nghị UBND tỉnh quan tâm đầu tư nâng cấp hệ thống truyền thanh cơ sở theo hướng "
            "ứng dụng công nghệ thông tin - viễn thông.",
        ),
        (
            act("Kiểm tra, giám sát", "Tỉnh", 2, (20, 30), female=(40, 55)),
            med("Cổng thông tin điện tử tỉnh", "Tỉnh", 12, (15_000, 30_000)),
            med("Trang thông tin điện tử", "Tỉnh", 8, (3_000, 6_000)),
            med("Mạng xã hội", "Tỉnh", 15, (10_000, 20_000)),
        ),
    ),
    "DPTTH": Profile(
        "89/BC-ĐPTTH",
        16,
        ("Phó Giám đốc", "Nông Văn Khải"),
        "Ma Thị Hồng Nhung, Phòng Thời sự, 0209 3870 588",
        (6_000_000, 0),
        (
            "Ban Giám đốc Đài xây dựng kế hoạch tuyên truyền Tháng hành động, giao Phòng Thời sự, "
            "Phòng Chuyên đề - Chuyên mục và Phòng Biên tập chương trình tiếng dân tộc thực hiện; "
            "lãnh đạo Đài duyệt nội dung, bố trí khung giờ phát sóng phù hợp.",
            "Sản xuất, phát sóng tin, phóng sự trên sóng truyền hình, phát thanh và chuyên mục “Vì "
            "sự tiến bộ của phụ nữ”; biên dịch, phát sóng tin, bài bằng tiếng Tày, Dao, Mông. Đăng "
            "tải lại tin, bài, video clip trên trang thông tin điện tử, Fanpage và kênh YouTube "
            "của Đài.",
            "Tin, bài phản ánh đa dạng hoạt động hưởng ứng của các sở, ngành, địa phương; nhiều "
            "phóng sự giới thiệu gương điển hình trong phòng chống bạo lực gia đình. Các chương "
            "trình tiếng dân tộc giúp đồng bào vùng cao tiếp cận thông tin dễ dàng hơn.",
            "Thời lượng phát sóng cho chủ đề bình đẳng giới còn hạn chế do ưu tiên tuyên truyền "
            "phòng, chống dịch COVID-19. Việc tiếp cận nhân vật là nạn nhân bạo lực gặp khó khăn "
            "do tâm lý e ngại.",
            "Đề nghị các sở, ngành, địa phương kịp thời cung cấp thông tin, lịch hoạt động để Đài "
            "bố trí phóng viên đưa tin.",
        ),
        (
            med("Truyền hình", "Tỉnh", 32, (120_000, 180_000)),
            med("Phát thanh", "Tỉnh", 28, (60_000, 95_000)),
            med("Trang thông tin điện tử", "Tỉnh", 18, (15_000, 30_000)),
            med("Mạng xã hội", "Tỉnh", 18, (20_000, 45_000)),
            prod("Video clip", "Tỉnh", 4, (8_000, 15_000)),
        ),
    ),
    "BBK": Profile(
        "41/BC-BBK",
        15,
        ("Phó Tổng Biên tập", "Lý Thị Hằng"),
        "Hoàng Thu Phương, Ban Thư ký tòa soạn, 0209 3871 066",
        (4_500_000, 0),
        (
            "Ban Biên tập Báo Bắc Kạn chỉ đạo các phòng nghiệp vụ xây dựng kế hoạch tuyên truyền, "
            "mở chuyên mục về bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
            "trên báo in và Báo Bắc Kạn điện tử.",
            "Đăng 14 tin, bài, ảnh trên báo in và 22 tin, bài trên Báo Bắc Kạn điện tử, chia sẻ "
            "trên Fanpage, Zalo của Báo. Nội dung tập trung phản ánh hoạt động hưởng ứng của các "
            "địa phương, gương phụ nữ vượt khó và các mô hình phòng chống bạo lực gia đình.",
            "Tin, bài được đăng kịp thời, có chiều sâu, thu hút đông đảo bạn đọc, nhất là trên báo "
            "điện tử và mạng xã hội. Bài học rút ra là kết hợp nhiều loại hình báo chí để tăng "
            "hiệu quả lan tỏa.",
            "Lực lượng phóng viên mỏng, cùng lúc đảm nhận nhiều nhiệm vụ tuyên truyền. Kinh phí "
            "nhuận bút dành cho chuyên mục còn hạn chế.",
            "Đề nghị Sở Lao động - Thương binh và Xã hội cung cấp số liệu, thông tin về tình hình "
            "bạo lực gia đình trên địa bàn để Báo xây dựng các bài viết chuyên sâu.",
        ),
        (
            med("Báo in", "Tỉnh", 14, (25_000, 40_000)),
            med("Báo điện tử", "Tỉnh", 22, (30_000, 60_000)),
            med("mạng xã hội", "Tỉnh", 22, (15_000, 30_000)),
        ),
    ),
    "SNV": Profile(
        "402/BC-SNV",
        18,
        ("Phó Giám đốc", "Bế Văn Luân"),
        "Lưu Thị Ngọc, Văn phòng Sở, 0209 3874 120",
        (3_000_000, 0),
        (
            "Sở ban hành văn bản triển khai Kế hoạch số 622/KH-UBND tới các phòng, đơn vị trực "
            "thuộc; giao Văn phòng Sở phối hợp với Công đoàn cơ sở và Ban Vì sự tiến bộ của phụ "
            "nữ của Sở thực hiện.",
            "Tổ chức 01 buổi nói chuyện chuyên đề về Luật Bình đẳng giới và công tác cán bộ nữ "
            "cho công chức, viên chức, người lao động của Sở; kiểm tra việc thực hiện chính sách "
            "đối với cán bộ nữ tại 02 cơ quan. Đăng tin, bài trên trang thông tin điện tử của Sở, "
            "treo băng rôn tại trụ sở.",
            "Công chức, viên chức, người lao động nắm được các quy định về bình đẳng giới trong "
            "tuyển dụng, đào tạo, bồi dưỡng, quy hoạch và bổ nhiệm cán bộ nữ.",
            "Tỷ lệ nữ giữ chức vụ lãnh đạo, quản lý ở một số cơ quan, đơn vị còn thấp so với chỉ "
            "tiêu đề ra.",
            "Đề nghị các cơ quan, đơn vị quan tâm hơn nữa đến việc quy hoạch, đào tạo, bồi dưỡng "
            "và bổ nhiệm cán bộ nữ.",
        ),
        (
            act("Nói chuyện chuyên đề", "Tỉnh", 1, (40, 60)),
            act("Kiểm tra, giám sát", "Tỉnh", 2, (20, 30), female=(45, 60)),
            med("Trang thông tin điện tử", "Tỉnh", 3, (1_500, 3_000)),
            prod("Băng rôn", "Tỉnh", 2, (500, 1_000)),
        ),
    ),
    "STP": Profile(
        "188/BC-STP",
        16,
        ("Phó Giám đốc", "Đàm Văn Tiến"),
        "Ngô Thị Lan Anh, Phòng Phổ biến, giáo dục pháp luật, 0209 3870 455",
        (9_600_000, 0),
        (
            "Sở ban hành Kế hoạch số 215/KH-STP ngày 05/11/2021, lồng ghép tuyên truyền Tháng hành "
            "động với hoạt động hưởng ứng Ngày Pháp luật Việt Nam 09/11; đề nghị các thành viên Hội "
            "đồng phối hợp phổ biến, giáo dục pháp luật tỉnh phối hợp thực hiện.",
            "Tổ chức 04 buổi nói chuyện chuyên đề về Luật Bình đẳng giới, Luật Phòng, chống bạo "
            "lực gia đình tại các xã Cao Sơn, Bằng Vân, Cổ Linh, Xuân Lạc và 01 cuộc thi tìm hiểu "
            "pháp luật trực tuyến. Biên soạn, phát hành sổ tay hỏi đáp pháp luật và tờ gấp tuyên "
            "truyền cho các xã.",
            "Người dân tham gia tích cực; nhiều câu hỏi về thủ tục ly hôn, quyền nuôi con và xử lý "
            "hành vi bạo lực gia đình được giải đáp trực tiếp. Hình thức thi trực tuyến thu hút "
            "đông đảo cán bộ, công chức, người lao động.",
            "Địa bàn các xã rộng, dân cư phân tán; một bộ phận người dân, nhất là người cao tuổi, "
            "không thông thạo tiếng phổ thông.",
            "Đề nghị tăng cường đội ngũ báo cáo viên, tuyên truyền viên pháp luật là người dân tộc "
            "thiểu số ở cơ sở.",
        ),
        (
            act("Nói chuyện chuyên đề", "Xã", 4, (50, 90)),
            act("Thi tìm hiểu pháp luật", "Tỉnh", 1, (250, 300)),
            med("Trang thông tin điện tử", "Tỉnh", 5, (2_000, 4_000)),
            prod("Tài liệu tuyên truyền", "Xã", 800, (600, 800)),
            prod("Tờ rơi", "Xã", 1_500, (1_200, 1_500)),
        ),
    ),
    "SYT": Profile(
        "355/BC-SYT",
        17,
        ("Phó Giám đốc", "Nguyễn Thị Thủy"),
        "Hà Thị Phượng, Phòng Nghiệp vụ Y, 0209 3870 228",
        (14_000_000, 0),
        (
            "Sở ban hành Công văn số 2874/SYT-NVY chỉ đạo các bệnh viện, Trung tâm Y tế các huyện, "
            "thành phố và trạm y tế xã hưởng ứng Tháng hành động; tăng cường phát hiện, tiếp nhận "
            "và hỗ trợ y tế cho nạn nhân bị bạo lực.",
            "Tổ chức 01 lớp tập huấn cho nhân viên y tế về phát hiện, sàng lọc và hỗ trợ nạn nhân "
            "bạo lực trên cơ sở giới; 06 buổi nói chuyện chuyên đề về chăm sóc sức khỏe sinh sản, "
            "mất cân bằng giới tính khi sinh tại trạm y tế xã; kiểm tra tại 02 Trung tâm Y tế. Phát "
            "tờ rơi, áp phích tuyên truyền tại các cơ sở khám, chữa bệnh.",
            "Nhân viên y tế được trang bị thêm kỹ năng nhận diện và tư vấn cho người bị bạo lực; "
            "người dân đến khám, chữa bệnh được tiếp cận thông tin về bình đẳng giới.",
            "Lực lượng y tế cơ sở tập trung cho phòng, chống dịch COVID-19 và tiêm chủng nên thời "
            "gian dành cho hoạt động tuyên truyền bị hạn chế.",
            "Đề nghị Sở Lao động - Thương binh và Xã hội tiếp tục phối hợp tập huấn kỹ năng hỗ trợ "
            "nạn nhân cho cán bộ y tế tuyến xã.",
        ),
        (
            act("Tập huấn", "Tỉnh", 1, (40, 60), female=(65, 75)),
            act("Nói chuyện chuyên đề", "Xã", 6, (30, 60), female=(55, 70)),
            act("Kiểm tra, giám sát", "Huyện", 2, (20, 25)),
            med("Trang thông tin điện tử", "Tỉnh", 4, (1_500, 3_000)),
            prod("Tờ rơi", "Xã", 2_000, (1_500, 2_000)),
            prod("Áp phích", "Huyện", 60, (3_000, 6_000)),
        ),
    ),
    "SGDDT": Profile(
        "1024/BC-SGDĐT",
        18,
        ("Phó Giám đốc", "Hoàng Thị Nguyệt"),
        "Nông Văn Đức, Phòng Giáo dục Trung học, 0209 3870 301",
        (18_000_000, 5_000_000),
        (
            "Sở ban hành Công văn số 2156/SGDĐT-GDTrH hướng dẫn các trường trung học phổ thông, "
            "phòng giáo dục và đào tạo các huyện, thành phố lồng ghép nội dung bình đẳng giới, "
            "phòng chống xâm hại trẻ em vào hoạt động giáo dục.",
            "Tổ chức 12 buổi nói chuyện chuyên đề dưới cờ về phòng chống xâm hại, bạo lực học đường "
            "tại các trường THPT; 05 buổi giao lưu văn nghệ chủ đề bình đẳng giới; 01 cuộc thi tìm "
            "hiểu pháp luật dành cho học sinh. Mở 01 lớp tập huấn cho giáo viên làm công tác tư "
            "vấn tâm lý học đường.",
            "Học sinh được trang bị kiến thức, kỹ năng tự bảo vệ, biết tìm kiếm sự trợ giúp khi bị "
            "xâm hại. Đội ngũ giáo viên tư vấn tâm lý được nâng cao năng lực.",
            "Một số trường vùng cao chuyển sang dạy học trực tuyến trong thời gian dịch bệnh nên "
            "việc tổ chức hoạt động trực tiếp gặp khó khăn.",
            "Đề nghị bổ sung tài liệu tuyên truyền phù hợp với lứa tuổi học sinh và hỗ trợ kinh "
            "phí duy trì phòng tư vấn tâm lý học đường.",
        ),
        (
            act("Nói chuyện chuyên đề", "Huyện", 12, (150, 300), female=(48, 56)),
            act("Giao lưu văn nghệ", "Huyện", 5, (200, 300), female=(50, 60)),
            act("Thi tìm hiểu pháp luật", "Tỉnh", 1, (250, 300), female=(52, 60)),
            act("tập huấn", "Tỉnh", 1, (60, 90), female=(60, 75)),
            med("Trang thông tin điện tử", "Tỉnh", 4, (3_000, 5_000)),
            prod("Tài liệu tuyên truyền", "Huyện", 600, (2_500, 4_000)),
            prod("Tranh cổ động", "Huyện", 30, (2_000, 4_000)),
        ),
    ),
    "CAT": Profile(
        "785/BC-CAT-PV01",
        16,
        ("Phó Giám đốc", "Hoàng Văn Tuân"),
        "Nông Thị Liên, Phòng Tham mưu, 0209 3878 346",
        (10_000_000, 0),
        (
            "Ban Giám đốc Công an tỉnh chỉ đạo Phòng Tham mưu, Phòng Cảnh sát hình sự, Công an các "
            "huyện, thành phố và Công an xã lồng ghép tuyên truyền Tháng hành động với phong trào "
            "Toàn dân bảo vệ an ninh Tổ quốc.",
            "Tổ chức 10 buổi nói chuyện chuyên đề tại các xã về phòng, chống mua bán người, xâm hại "
            "tình dục trẻ em và bạo lực gia đình; 01 buổi tọa đàm với cán bộ, chiến sĩ nữ. Đăng "
            "tin, bài trên trang thông tin điện tử, Fanpage của Công an tỉnh và phát tờ rơi tại "
            "cơ sở.",
            "Nhận thức, ý thức tố giác tội phạm của người dân được nâng lên; các vụ việc xâm hại "
            "trẻ em, bạo lực gia đình được tiếp nhận, xử lý kịp thời theo quy định.",
            "Nhiều vụ việc bạo lực gia đình xảy ra ở vùng sâu, vùng xa, nạn nhân e ngại không trình "
            "báo nên khó phát hiện.",
            "Đề nghị các ngành, đoàn thể phối hợp chặt chẽ với lực lượng Công an trong phát hiện, "
            "cung cấp thông tin về các vụ việc bạo lực, xâm hại.",
        ),
        (
            act("Nói chuyện chuyên đề", "Xã", 10, (40, 100), female=(45, 60)),
            act("Tọa đàm", "Tỉnh", 1, (50, 70), female=(75, 90)),
            med("Trang thông tin điện tử", "Tỉnh", 6, (5_000, 9_000)),
            med("Mạng xã hội", "Tỉnh", 8, (20_000, 35_000)),
            prod("Tờ rơi", "Xã", 1_500, (1_200, 1_500)),
        ),
    ),
    "BCHQS": Profile(
        "356/BC-BCH",
        19,
        ("Phó Chính ủy", "Lý Văn Sơn"),
        "Hà Thị Thanh, Ban Tuyên huấn, 0209 3870 730",
        (5_000_000, 0),
        (
            "Đảng ủy, Bộ Chỉ huy Quân sự tỉnh chỉ đạo Ban Chính trị hướng dẫn các cơ quan, đơn vị "
            "lồng ghép nội dung Tháng hành động vào chương trình giáo dục chính trị, sinh hoạt văn "
            "hóa tinh thần cho bộ đội.",
            "Tổ chức 02 buổi nói chuyện chuyên đề về Luật Bình đẳng giới, Luật Phòng, chống bạo "
            "lực gia đình cho cán bộ, chiến sĩ; 01 buổi giao lưu văn nghệ với Hội Phụ nữ cơ sở. Kẻ "
            "vẽ khẩu hiệu tuyên truyền tại doanh trại.",
            "Cán bộ, chiến sĩ nâng cao nhận thức, gương mẫu thực hiện bình đẳng giới trong gia đình "
            "và tích cực tham gia tuyên truyền khi về địa phương.",
            "Lực lượng nữ trong đơn vị ít; thời gian dành cho hoạt động bị hạn chế do nhiệm vụ huấn "
            "luyện và phòng, chống dịch.",
            "Đề nghị cung cấp thêm tài liệu tuyên truyền ngắn gọn, phù hợp với đối tượng quân nhân.",
        ),
        (
            act("Nói chuyện chuyên đề", "Tỉnh", 2, (150, 250), female=(8, 15)),
            act("Giao lưu văn nghệ", "Tỉnh", 1, (150, 200), female=(35, 45)),
            prod("Khẩu hiệu", "Tỉnh", 8, (400, 600), female=(8, 15)),
        ),
    ),
    "MTTQ": Profile(
        "98/BC-MTTQ-BTT",
        17,
        ("Phó Chủ tịch", "Dương Văn Bảy"),
        "Ma Thị Huyền, Ban Phong trào, 0209 3870 417",
        (7_000_000, 26_500_000),
        (
            "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh hướng dẫn Ủy ban MTTQ các huyện, thành phố "
            "và các tổ chức thành viên hưởng ứng Tháng hành động, gắn với Cuộc vận động “Toàn dân "
            "đoàn kết xây dựng nông thôn mới, đô thị văn minh”.",
            "Tổ chức 01 buổi tọa đàm với các tổ chức thành viên về vai trò của Mặt trận trong phòng "
            "ngừa bạo lực gia đình; giám sát việc thực hiện chính sách hỗ trợ phụ nữ, trẻ em bị "
            "ảnh hưởng bởi dịch COVID-19 tại 02 huyện. Vận động, trao 08 đợt quà cho phụ nữ, trẻ "
            "em có hoàn cảnh khó khăn.",
            "Công tác vận động nguồn lực được các doanh nghiệp, nhà hảo tâm hưởng ứng; qua giám sát "
            "đã kiến nghị khắc phục một số hạn chế trong thực hiện chính sách.",
            "Nguồn lực vận động còn hạn chế; một số Ban công tác Mặt trận ở khu dân cư chưa chủ "
            "động trong tuyên truyền.",
            "Đề nghị tiếp tục hỗ trợ nguồn lực cho các khu dân cư có nhiều phụ nữ, trẻ em có hoàn "
            "cảnh đặc biệt khó khăn.",
        ),
        (
            act("Toạ đàm", "Tỉnh", 1, (40, 60)),
            act("Kiểm tra, giám sát", "Huyện", 2, (20, 30), female=(40, 55)),
            act("Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", "Xã", 8, (20, 35)),
            med("Trang thông tin điện tử", "Tỉnh", 3, (1_000, 2_500)),
        ),
    ),
    "TDOAN": Profile(
        "78-BC/TĐTN-BTG",
        15,
        ("Phó Bí thư", "Nông Thanh Tùng"),
        "Triệu Văn Hiếu, Ban Tuyên giáo, 0209 3870 242",
        (6_500_000, 3_000_000),
        (
            "Ban Thường vụ Tỉnh đoàn ban hành Kế hoạch số 96-KH/TĐTN-BTG ngày 04/11/2021 hưởng ứng "
            "Tháng hành động; chỉ đạo các huyện, thành đoàn và đoàn trực thuộc tổ chức hoạt động "
            "phù hợp với đoàn viên, thanh thiếu nhi.",
            "Tổ chức 01 diễn đàn “Thanh niên với bình đẳng giới và phòng chống xâm hại trẻ em”, 01 "
            "cuộc thi tìm hiểu pháp luật trực tuyến trên Fanpage Tuổi trẻ Bắc Kạn và 03 giải thể "
            "thao thanh niên tại các huyện. Sản xuất 03 video clip tuyên truyền, chia sẻ trên mạng "
            "xã hội.",
            "Đoàn viên, thanh niên tích cực tham gia, chia sẻ thông điệp của Tháng hành động trên "
            "mạng xã hội; hình thức trực tuyến phù hợp với điều kiện phòng, chống dịch.",
            "Một bộ phận đoàn viên đi làm ăn xa nên khó tập hợp; kinh phí hoạt động của cơ sở đoàn "
            "còn hạn hẹp.",
            "Đề nghị hỗ trợ kinh phí duy trì các câu lạc bộ kỹ năng sống, phòng chống xâm hại cho "
            "thiếu nhi ở cơ sở.",
        ),
        (
            act("Diễn đàn", "Tỉnh", 1, (150, 200), female=(50, 60)),
            act("Thi tìm hiểu pháp luật", "Tỉnh", 1, (250, 300), female=(52, 62)),
            act("Thể thao", "Huyện", 3, (60, 120), female=(35, 50)),
            med("Mạng xã hội", "Tỉnh", 25, (15_000, 30_000)),
            prod("Video clip", "Tỉnh", 3, (5_000, 12_000)),
        ),
        file_name="Bao cao BDG 2021 (Tinh doan).xlsx",
    ),
    "LDLD": Profile(
        "112/BC-LĐLĐ",
        18,
        ("Phó Chủ tịch", "Đàm Thị Hoa"),
        "Lục Văn Toản, Ban Nữ công, 0209 3870 523",
        (12_000_000, 8_000_000),
        (
            "Ban Thường vụ Liên đoàn Lao động tỉnh chỉ đạo các công đoàn cấp trên cơ sở, công đoàn "
            "cơ sở hưởng ứng Tháng hành động; giao Ban Nữ công làm đầu mối theo dõi, tổng hợp.",
            "Tổ chức 02 buổi nói chuyện chuyên đề về bình đẳng giới tại nơi làm việc, phòng chống "
            "quấy rối tình dục; 03 buổi tọa đàm tại các công đoàn cấp huyện. Thăm hỏi, tặng quà nữ "
            "đoàn viên có hoàn cảnh khó khăn, bị ảnh hưởng bởi dịch COVID-19.",
            "Đoàn viên, người lao động hiểu rõ hơn quyền lợi của lao động nữ; nhiều công đoàn cơ sở "
            "đưa nội dung phòng chống quấy rối tình dục vào thỏa ước lao động tập thể.",
            "Người lao động trong các doanh nghiệp ngoài nhà nước khó tập trung do yêu cầu sản xuất "
            "và phòng, chống dịch.",
            "Đề nghị người sử dụng lao động tạo điều kiện về thời gian để người lao động tham gia "
            "các hoạt động tuyên truyền.",
        ),
        (
            act("Nói chuyện chuyên đề", "Tỉnh", 2, (80, 150)),
            act("Tọa đàm", "Huyện", 3, (40, 70)),
            act(
                "Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn",
                "Tỉnh",
                2,
                (20, 40),
                female=(70, 90),
            ),
            med("Mạng xã hội", "Tỉnh", 10, (4_000, 8_000)),
            prod("Băng rôn", "Tỉnh", 10, (2_000, 4_000)),
        ),
    ),
    "HND": Profile(
        "67-BC/HND",
        16,
        ("Phó Chủ tịch", "Hà Văn Quang"),
        "Nông Thị Duyên, Ban Tuyên huấn, 0209 3870 614",
        (5_500_000, 0),
        (
            "Ban Thường vụ Hội Nông dân tỉnh hướng dẫn Hội Nông dân các huyện, thành phố tuyên "
            "truyền Tháng hành động đến cán bộ, hội viên, lồng ghép trong sinh hoạt chi, tổ hội.",
            "Tổ chức 08 buổi nói chuyện chuyên đề tại các chi hội về bình đẳng giới trong gia đình "
            "và sản xuất; 02 buổi đối thoại giữa hội viên nông dân với chính quyền huyện. Phát tờ "
            "rơi, tài liệu tuyên truyền đến hội viên.",
            "Hội viên hiểu rõ hơn về chia sẻ công việc gia đình, quyền đứng tên chung tài sản của "
            "vợ chồng; nhiều hộ nông dân đăng ký xây dựng gia đình văn hóa, không có bạo lực.",
            "Trình độ nhận thức của hội viên không đồng đều; một số hội viên còn tư tưởng trọng nam "
            "khinh nữ.",
            "Đề nghị cấp tài liệu tuyên truyền ngắn gọn, có hình ảnh minh họa, phù hợp với nông dân "
            "vùng cao.",
        ),
        (
            act("Nói chuyện chuyên đề", "Xã", 8, (40, 80), female=(40, 55)),
            act("Đối thoại", "Huyện", 2, (50, 80), female=(40, 55)),
            prod("Tờ rơi", "Xã", 1_000, (800, 1_000)),
            prod("Tài liệu tuyên truyền", "Xã", 300, (250, 300)),
        ),
    ),
    "HCCB": Profile(
        "23-BC/HCCB",
        20,
        ("Phó Chủ tịch", "Bế Văn Thụ"),
        "Hoàng Văn Chiến, Văn phòng Hội, 0209 3870 772",
        (3_000_000, 0),
        (
            "Thường trực Hội Cựu chiến binh tỉnh chỉ đạo các cấp Hội tuyên truyền Tháng hành động "
            "trong sinh hoạt chi hội, phát huy vai trò nêu gương của cựu chiến binh.",
            "Tổ chức 05 buổi nói chuyện chuyên đề “Nam giới tiên phong thúc đẩy bình đẳng giới” "
            "tại các chi hội; phối hợp kiểm tra việc thực hiện tại 02 huyện. Kẻ vẽ khẩu hiệu tuyên "
            "truyền tại nhà văn hóa thôn.",
            "Hội viên cựu chiến binh gương mẫu, tham gia hòa giải thành một số mâu thuẫn gia đình ở "
            "khu dân cư.",
            "Hội viên phần lớn tuổi cao, việc tiếp cận thông tin qua mạng xã hội còn hạn chế.",
            "Đề nghị cấp thêm tài liệu tuyên truyền bản in cho các chi hội.",
        ),
        (
            act("Nói chuyện chuyên đề", "Xã", 5, (30, 60), female=(20, 35)),
            act("Kiểm tra, giám sát", "Huyện", 2, (20, 30), female=(20, 35)),
            prod("Khẩu hiệu", "Xã", 15, (1_000, 2_000)),
        ),
    ),
    "TPBK": Profile(
        "245/BC-UBND",
        17,
        ("Phó Chủ tịch", "Lưu Thị Vân"),
        "Hoàng Thị Lệ, Phòng Lao động - Thương binh và Xã hội thành phố, 0209 3873 509",
        (22_000_000, 6_500_000),
        (
            "UBND thành phố ban hành Kế hoạch số 356/KH-UBND ngày 02/11/2021 triển khai Tháng hành "
            "động; chỉ đạo các phòng, ban, đoàn thể và UBND 08 xã, phường xây dựng kế hoạch, tổ "
            "chức thực hiện.",
            "Tổ chức 01 buổi tọa đàm cấp thành phố, 08 buổi nói chuyện chuyên đề tại các xã, "
            "phường, 01 chương trình giao lưu văn nghệ và 04 giải bóng chuyền hơi nữ. Tuyên truyền "
            "trên loa truyền thanh, trang thông tin điện tử và nhóm Zalo của các tổ dân phố; treo "
            "băng rôn, pano tại các tuyến phố chính.",
            "Các hoạt động được tổ chức đồng bộ, thu hút đông đảo nhân dân tham gia; nhận thức về "
            "bình đẳng giới ở các tổ dân phố có chuyển biến tích cực.",
            "Một số hoạt động phải tạm dừng khi trên địa bàn phát sinh ca mắc COVID-19 trong cộng "
            "đồng. Cán bộ làm công tác bình đẳng giới ở xã, phường kiêm nhiệm nhiều việc.",
            "Đề nghị tỉnh tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác bình đẳng giới cấp xã.",
        ),
        (
            act("Tọa đàm", "Huyện", 1, (60, 100)),
            act("Nói chuyện chuyên đề", "Xã", 8, (40, 80)),
            act("Giao lưu văn nghệ", "Huyện", 1, (250, 300)),
            act("Thể thao", "Xã", 4, (50, 120), female=(60, 80)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 96, (25_000, 35_000)),
            med("Trang thông tin điện tử", "Huyện", 5, (3_000, 6_000)),
            med("Mạng xã hội", "Huyện", 12, (8_000, 15_000)),
            prod("Băng rôn", "Xã", 24, (8_000, 15_000)),
            prod("Pano", "Huyện", 2, (10_000, 20_000)),
            prod("Tờ rơi", "Xã", 3_000, (2_500, 3_000)),
        ),
    ),
    "BABE": Profile(
        "189/BC-UBND",
        16,
        ("Phó Chủ tịch", "Hoàng Văn Hòa"),
        "Đặng Thị Thùy, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3876 128",
        (18_500_000, 4_000_000),
        (
            "UBND huyện ban hành Kế hoạch số 412/KH-UBND ngày 05/11/2021; giao Phòng Lao động - "
            "Thương binh và Xã hội chủ trì, phối hợp các cơ quan, đoàn thể và UBND 15 xã, thị trấn "
            "tổ chức thực hiện.",
            "Mở 02 lớp tập huấn cho cán bộ làm công tác bình đẳng giới, trẻ em cấp xã; tổ chức 15 "
            "buổi nói chuyện chuyên đề, 03 buổi đối thoại tại các xã và 01 hội diễn tuyên truyền "
            "viên giỏi cấp huyện. Đoàn kiểm tra của huyện kiểm tra tại 05 xã; loa truyền thanh các "
            "xã phát thông điệp Tháng hành động bằng tiếng Kinh và tiếng Tày.",
            "Các hoạt động được triển khai đến thôn, bản; tuyên truyền bằng tiếng Tày giúp người "
            "dân quanh hồ Ba Bể dễ tiếp nhận. Bài học kinh nghiệm là phát huy vai trò của người có "
            "uy tín trong cộng đồng.",
            "Địa bàn rộng, nhiều thôn xa trung tâm xã, đi lại khó khăn; kinh phí dành cho hoạt động "
            "hưởng ứng còn hạn chế.",
            "Đề nghị tỉnh hỗ trợ tài liệu tuyên truyền song ngữ và kinh phí duy trì các mô hình "
            "phòng chống bạo lực gia đình.",
        ),
        (
            act("Tập huấn", "Huyện", 2, (40, 70)),
            act("Nói chuyện chuyên đề", "Xã", 15, (30, 70)),
            act("Đối thoại", "Xã", 3, (40, 80)),
            act("Hội diễn tuyên truyền viên giỏi", "Huyện", 1, (150, 250)),
            act("Kiểm tra, giám sát", "Xã", 5, (20, 30), female=(40, 60)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 180, (28_000, 40_000)),
            med("Trang thông tin điện tử", "Huyện", 6, (3_000, 6_000)),
            prod("Băng rôn", "Xã", 30, (10_000, 18_000)),
            prod("Khẩu hiệu", "Xã", 15, (5_000, 9_000)),
            prod("Tờ rơi", "Xã", 2_500, (2_000, 2_500)),
        ),
    ),
    "BACHTHONG": Profile(
        "210/BC-UBND",
        18,
        ("Phó Chủ tịch", "Ma Văn Toàn"),
        "Nông Thị Hiền, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3850 214",
        (15_000_000, 0),
        (
            "UBND huyện ban hành Kế hoạch số 298/KH-UBND ngày 08/11/2021, chỉ đạo các cơ quan, đơn "
            "vị và UBND 14 xã, thị trấn hưởng ứng Tháng hành động.",
            "Tổ chức 01 lớp tập huấn cho cán bộ xã, 14 buổi nói chuyện chuyên đề tại các thôn và 01 "
            "buổi sân khấu hóa về phòng chống bạo lực gia đình tại thị trấn Phủ Thông. Đài truyền "
            "thanh các xã phát thông điệp tuyên truyền 2 buổi/tuần; treo băng rôn, phát tờ rơi tại "
            "trụ sở UBND xã và nhà văn hóa thôn.",
            "Người dân đón nhận tích cực hình thức sân khấu hóa; nhiều mâu thuẫn gia đình được tổ "
            "hòa giải ở thôn giải quyết kịp thời.",
            "Một số cụm loa truyền thanh ở các xã vùng cao hư hỏng, chưa được sửa chữa. Cán bộ "
            "chuyên trách thường xuyên thay đổi.",
            "Đề nghị tỉnh hỗ trợ kinh phí sửa chữa, nâng cấp hệ thống loa truyền thanh cơ sở.",
        ),
        (
            act("Tập huấn", "Huyện", 1, (40, 60)),
            act("Nói chuyện chuyên đề", "Xã", 14, (30, 60)),
            act("Sân khấu hóa", "Huyện", 1, (150, 250)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 140, (18_000, 26_000)),
            med("Trang thông tin điện tử", "Huyện", 4, (2_000, 4_000)),
            prod("Băng rôn", "Xã", 28, (6_000, 12_000)),
            prod("Tờ rơi", "Xã", 1_400, (1_200, 1_400)),
        ),
    ),
    "CHODON": Profile(
        "276/BC-UBND",
        19,
        ("Phó Chủ tịch", "Nguyễn Văn Thịnh"),
        "Lý Thị Quỳnh, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3882 167",
        (24_000_000, 10_000_000),
        (
            "UBND huyện ban hành Kế hoạch số 503/KH-UBND ngày 03/11/2021; Ban Chỉ đạo công tác gia "
            "đình và bình đẳng giới của huyện phân công thành viên theo dõi, đôn đốc các xã.",
            "Tổ chức 02 lớp tập huấn cho cán bộ thôn, bản; 20 buổi nói chuyện chuyên đề tại 20 xã, "
            "thị trấn; 03 cuộc thi tìm hiểu pháp luật và 04 buổi giao lưu văn nghệ. Thăm, tặng quà "
            "05 đợt cho phụ nữ, trẻ em có hoàn cảnh khó khăn; tuyên truyền trên loa truyền thanh, "
            "trang thông tin điện tử và nhóm Zalo của huyện.",
            "Các hoạt động được tổ chức rộng khắp; nhận thức của người dân, nhất là người lao động "
            "tại các khu vực khai thác khoáng sản, về phòng chống bạo lực, xâm hại được nâng lên.",
            "Lao động nữ đi làm ăn xa, lao động tự do tại các điểm khai thác khoáng sản khó tiếp cận "
            "tuyên truyền. Địa bàn đồi núi chia cắt, đi lại khó khăn.",
            "Đề nghị tỉnh tăng cường kiểm tra, hỗ trợ các xã có nguy cơ cao về mua bán người, bạo "
            "lực gia đình.",
        ),
        (
            act("Tập huấn", "Huyện", 2, (40, 70)),
            act("Nói chuyện chuyên đề", "Xã", 20, (30, 70)),
            act("Thi tìm hiểu pháp luật", "Xã", 3, (80, 150)),
            act("Giao lưu văn nghệ", "Xã", 4, (100, 250)),
            act("Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", "Xã", 5, (20, 35)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 200, (30_000, 42_000)),
            med("Trang thông tin điện tử", "Huyện", 8, (3_000, 6_000)),
            med("Mạng xã hội", "Huyện", 10, (6_000, 12_000)),
            prod("Băng rôn", "Xã", 40, (12_000, 20_000)),
            prod("Pano", "Huyện", 3, (8_000, 15_000)),
            prod("Tờ rơi", "Xã", 4_000, (3_500, 4_000)),
        ),
        file_name="baocao_thang_hanh_dong_ChoDon.xlsx",
    ),
    "CHOMOI": Profile(
        "198/BC-UBND",
        17,
        ("Phó Chủ tịch", "Lê Thị Minh"),
        "Hà Thị Thu, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3864 233",
        (16_000_000, 2_000_000),
        (
            "UBND huyện ban hành Kế hoạch số 367/KH-UBND ngày 04/11/2021 triển khai Tháng hành "
            "động; chỉ đạo Phòng Lao động - Thương binh và Xã hội phối hợp Hội Liên hiệp Phụ nữ "
            "huyện tổ chức các hoạt động điểm.",
            "Tổ chức 14 buổi nói chuyện chuyên đề tại các xã, 01 buổi tọa đàm, 01 giải thể thao "
            "cấp huyện và 01 buổi biểu dương tập thể, cá nhân tiêu biểu trong công tác bình đẳng "
            "giới. Treo băng rôn, khẩu hiệu tại các xã, thị trấn và phát tờ rơi tuyên truyền.",
            "Các hoạt động bám sát chủ đề, phù hợp với điều kiện phòng, chống dịch; giải thể thao "
            "thu hút đông đảo chị em phụ nữ tham gia.",
            "Kinh phí còn hạn chế; một số xã chưa bố trí ổn định cán bộ theo dõi công tác bình đẳng "
            "giới.",
            "Đề nghị tỉnh bố trí kinh phí hỗ trợ các xã đặc biệt khó khăn tổ chức hoạt động hưởng "
            "ứng.",
        ),
        (
            act("Nói chuyện  chuyên đề", "Xã", 14, (30, 60)),
            act("Tọa đàm", "Huyện", 1, (50, 80)),
            act("Thể thao", "Huyện", 1, (200, 300), female=(60, 75)),
            act("Biểu dương tập thể, cá nhân tiêu biểu", "Huyện", 1, (60, 90)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 126, (20_000, 28_000)),
            med("Trang thông tin điện tử", "Huyện", 5, (2_000, 4_000)),
            prod("Băng rôn", "Xã", 28, (6_000, 12_000)),
            prod("Khẩu hiệu", "Xã", 14, (3_000, 6_000)),
            prod("TỜ RƠI", "Xã", 2_000, (1_600, 2_000)),
        ),
    ),
    "NARI": Profile(
        "301/BC-UBND",
        16,
        ("Phó Chủ tịch", "Hoàng Thị Nga"),
        "Lục Văn Thành, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3884 119",
        (17_000_000, 3_500_000),
        (
            "UBND huyện ban hành Kế hoạch số 401/KH-UBND ngày 09/11/2021 và giao nhiệm vụ cụ thể "
            "cho UBND 17 xã, thị trấn về tuyên truyền, tổ chức hoạt động hưởng ứng.",
            "Tổ chức 01 lớp tập huấn, 17 buổi nói chuyện chuyên đề và 04 buổi đối thoại với phụ nữ, "
            "trẻ em gái tại các xã; kiểm tra việc thực hiện tại 06 xã. Trung tâm Văn hóa - Thể thao "
            "và Truyền thông huyện phát 08 chương trình phát thanh; loa truyền thanh các xã phát "
            "thông điệp Tháng hành động.",
            "Qua đối thoại, nhiều kiến nghị của phụ nữ về vay vốn, học nghề được giải đáp; người "
            "dân chủ động báo tin các vụ việc bạo lực gia đình cho chính quyền.",
            "Huyện có đông đồng bào dân tộc Tày, Nùng, Dao, Mông; tảo hôn vẫn còn ở một số thôn "
            "vùng cao.",
            "Đề nghị tỉnh hỗ trợ huyện thực hiện các mô hình giảm thiểu tình trạng tảo hôn và hôn "
            "nhân cận huyết thống.",
        ),
        (
            act("Tập huấn", "Huyện", 1, (40, 70)),
            act("Nói chuyện chuyên đề", "Xã", 17, (30, 70)),
            act("Đối thoại", "Xã", 4, (30, 60), female=(65, 80)),
            act("Kiểm tra, giám sát", "Xã", 6, (20, 30), female=(40, 60)),
            med("Hệ thống loa truyền thanh cơ sở ", "Xã", 170, (20_000, 30_000)),
            med("Phát thanh", "Huyện", 8, (10_000, 18_000)),
            prod("Băng rôn", "Xã", 34, (8_000, 14_000)),
            prod("Tờ rơi", "Xã", 1_700, (1_400, 1_700)),
        ),
    ),
    "NGANSON": Profile(
        "142/BC-UBND",
        21,  # late (the day after the deadline, before the sample report date 22/12)
        ("Phó Chủ tịch", "Triệu Văn Lâm"),
        "Nông Thị Mến, Phòng Lao động - Thương binh và Xã hội huyện, 0209 3874 612",
        (11_000_000, 0),
        (
            "UBND huyện ban hành Kế hoạch số 289/KH-UBND ngày 10/11/2021 triển khai Tháng hành "
            "động; chỉ đạo UBND 10 xã, thị trấn lồng ghép tuyên truyền trong các cuộc họp thôn.",
            "Tổ chức 01 lớp tập huấn, 10 buổi nói chuyện chuyên đề tại các xã; thăm, tặng quà 03 "
            "đợt cho phụ nữ, trẻ em có hoàn cảnh khó khăn. Loa truyền thanh các xã phát thông điệp "
            "của Tháng hành động; treo băng rôn, phát tờ rơi tại trung tâm các xã.",
            "Nhận thức của cán bộ, nhân dân về bình đẳng giới và phòng ngừa bạo lực có chuyển "
            "biến; không phát sinh vụ việc bạo lực gia đình nghiêm trọng trong Tháng hành động.",
            "Báo cáo gửi chậm do các xã tổng hợp số liệu muộn. Địa bàn vùng cao, rét đậm, giao "
            "thông đi lại khó khăn.",
            "Đề nghị tỉnh tổ chức tập huấn nghiệp vụ tổng hợp, báo cáo số liệu cho cán bộ cấp xã.",
        ),
        (
            act("Tập huấn", "Huyện", 1, (40, 60)),
            act("Nói chuyện chuyên đề", "Xã", 10, (30, 60)),
            act("Hỗ trợ nạn nhân, phụ nữ và trẻ em có hoàn cảnh khó khăn", "Xã", 3, (20, 30)),
            med("Hệ thống loa truyền thanh cơ sở", "Xã", 100, (15_000, 22_000)),
            prod("Băng rôn", "Xã", 20, (5_000, 9_000)),
            prod("Tờ rơi", "Xã", 1_000, (800, 1_000)),
        ),
    ),
}


# ----------------------------------------------------------------------------- the mistakes

UNSET = object()


@dataclass(frozen=True)
class Planted:
    """One planted mistake: where it is and the issue code thd must report (None: no issue).

    With a `value`, the mistake is that value typed into sheet!cell of an otherwise valid form.
    """

    sheet: str | None
    cell: str | None
    code: str | None
    what: str  # English, for the tests
    mo_ta: str  # Vietnamese, for the officer's list
    value: Any = UNSET


@dataclass
class BadForm:
    """A form of agency `code`, filled with its usual report, with mistakes planted in it."""

    code: str
    file_name: str
    story: str  # Vietnamese: how the mistake came about
    planted: list[Planted]
    extra_rows: dict[str, list[SampleRow]] = field(default_factory=dict)
    report_date: date | None = None  # instead of the agency's usual date
    year: int | None = None  # a form generated for another year's campaign
    drop_metadata: bool = False
    nfd_narrative: str | None = None  # key of a narrative typed in NFD

    @property
    def cells(self) -> dict[tuple[str, str], Any]:
        """The raw cell writes that plant the typed mistakes."""
        return {
            (p.sheet, p.cell): p.value
            for p in self.planted
            if p.sheet and p.cell and p.value is not UNSET
        }


C, D, E, F, B = (form.COUNT, form.MALE, form.FEMALE, "level", "item")


def at(table: str, column: str, offset: int) -> tuple[str, str]:
    """Sheet and cell of data row `offset` (0 = first data row) of a table."""
    letter = form.table(table).letter(column)
    return SHEET[table], f"{letter}{form.TABLE_FIRST_DATA_ROW + offset}"


def info_cell(key: str) -> tuple[str, str]:
    return form.SHEET_INFO, f"{form.INFO_VALUE_COLUMN}{form.info_row(key)}"


def totals(rows: list[SampleRow]) -> tuple[int, int, int]:
    return sum(r.count for r in rows), sum(r.male for r in rows), sum(r.female for r in rows)


def bad_forms(rows: dict[str, dict[str, list[SampleRow]]]) -> list[BadForm]:
    """The forms with mistakes; addresses past the last row follow from each agency's rows."""
    nari_act, nari_prod = len(rows["NARI"][ACT]), len(rows["NARI"][PROD])
    hl_act, hl_prod = len(rows["HLHPN"][ACT]), len(rows["HLHPN"][PROD])
    hl_count, hl_male, hl_female = totals(rows["HLHPN"][ACT])
    yt_act = len(rows["SYT"][ACT])
    yt_count, yt_male, yt_female = totals(rows["SYT"][ACT])
    return [
        BadForm(
            "BABE",
            "2021_babe_ubnd-huyen-ba-be.xlsx",
            "Gõ nhầm dấu trừ và số thập phân; tệp đang mở trong Excel khi chép cả thư mục.",
            [
                Planted(
                    *at(ACT, D, 1),
                    "negative_number",
                    "negative number -45",
                    "Số âm -45 (gõ nhầm dấu trừ) ở cột Nam",
                    value=-45,
                ),
                Planted(
                    *at(PROD, C, 0),
                    "decimal_number",
                    "decimal 12.5",
                    "Số thập phân 12,5 ở cột Số lượng",
                    value=12.5,
                ),
            ],
        ),
        BadForm(
            "CHOMOI",
            "BC THD 2021 Cho Moi.xlsx",
            "Số dán từ Word sang thành chữ; ghi kèm đơn vị “người”.",
            [
                Planted(
                    *at(ACT, E, 0),
                    "text_number",
                    "text '1.234' in a number cell (read as 1234, warning)",
                    "Chữ “1.234” trong ô số (được hiểu là 1234)",
                    value="1.234",
                ),
                Planted(
                    *at(ACT, D, 1),
                    "unit_number",
                    "text '15 người' in a number cell (read as 15, warning)",
                    "Chữ “15 người” trong ô số (được hiểu là 15)",
                    value="15 người",
                ),
            ],
        ),
        BadForm(
            "NARI",
            "2021_nari_ubnd-huyen-na-ri.xlsx",
            "Ghi cấp “Thôn”; một dòng chưa có số liệu, một dòng bị xóa mất tên.",
            [
                Planted(
                    *at(ACT, F, 2),
                    "invalid_level",
                    "level 'Thôn' not in the list",
                    "Cấp triển khai “Thôn” không có trong danh sách Tỉnh/Huyện/Xã",
                    value="Thôn",
                ),
                Planted(
                    *at(ACT, C, nari_act),
                    "missing_numbers",
                    "item name 'Thi sân khấu hóa' without numbers",
                    "Có tên “Thi sân khấu hóa” nhưng không có số liệu",
                ),
                Planted(
                    *at(PROD, B, nari_prod),
                    "missing_item",
                    "numbers without an item name",
                    "Có số liệu nhưng không ghi tên sản phẩm",
                ),
            ],
            extra_rows={
                ACT: [SampleRow("Thi sân khấu hóa", None, None, None, "Xã")],
                PROD: [SampleRow(None, 6, 2_100, 2_350, "Xã")],
            },
        ),
        BadForm(
            "HLHPN",
            "BC THD 2021 - Hoi LHPN.xlsx",
            "Tự thêm dòng “Tổng cộng”; nhập “Tờ rơi” cấp Xã hai lần (hai đợt phát).",
            [
                Planted(
                    *at(ACT, B, hl_act),
                    "totals_row",
                    "totals row 'Tổng cộng' equal to the sum (excluded, warning)",
                    "Dòng “Tổng cộng” khớp tổng các dòng (được bỏ qua)",
                ),
                Planted(
                    *at(PROD, B, hl_prod),
                    "duplicate_row",
                    "same item and level twice: 'Tờ rơi' / Xã (summed, warning)",
                    "“Tờ rơi” cấp Xã ghi hai lần (được cộng gộp)",
                ),
            ],
            extra_rows={
                ACT: [SampleRow("Tổng cộng", hl_count, hl_male, hl_female, None)],
                PROD: [SampleRow("Tờ rơi", 1_500, 600, 900, "Xã")],
            },
        ),
        BadForm(
            "SYT",
            "2021_syt_so-y-te.xlsx",
            "Dòng “Cộng” quên cập nhật số nữ sau khi sửa một dòng; lời văn gõ trên máy Mac.",
            [
                Planted(
                    *at(ACT, E, yt_act),
                    "totals_mismatch",
                    "totals row 'Cộng' whose female figure is 12 below the sum (warning)",
                    "Dòng “Cộng” có số Nữ ít hơn tổng các dòng 12 người (dòng này được bỏ qua)",
                ),
                Planted(
                    *info_cell("results"),
                    None,
                    "narrative typed in NFD (macOS): read as NFC, no issue",
                    "Lời văn mục II.1 gõ dạng Unicode tổ hợp (NFD, máy Mac), thd tự chuẩn hóa",
                ),
            ],
            extra_rows={ACT: [SampleRow("Cộng", yt_count, yt_male, yt_female - 12, None)]},
            nfd_narrative="results",
        ),
        BadForm(
            "TDOAN",
            DUPLICATE[0],
            "Tỉnh đoàn gửi báo cáo hai lần; lần sau đổi tên tệp.",
            [
                Planted(
                    None,
                    None,
                    None,
                    f"sent twice, byte for byte (with '{DUPLICATE[1]}'): one answer",
                    f"Gửi hai lần giống hệt (cùng với “{DUPLICATE[1]}”): tính là một báo cáo",
                ),
            ],
        ),
        BadForm(
            "NGANSON",
            "BC THD 2021 - Ngan Son.xlsx",
            "Dùng lại mẫu năm 2020 còn trong máy để điền số liệu năm 2021.",
            [
                Planted(
                    None,
                    None,
                    "wrong_campaign",
                    "form of another campaign (bac-kan-2020, year 2020)",
                    "Mẫu của năm 2020 (mã đợt bac-kan-2020)",
                ),
            ],
            report_date=date(2021, 12, 17),  # on time: the form's year is the only mistake
            year=2020,
        ),
        BadForm(
            "BACHTHONG",
            "Bach Thong - bao cao THD.xlsx",
            "Chép các trang sang tệp mới: mất trang ẩn _thd nhận dạng mẫu, còn tên đơn vị.",
            [
                Planted(
                    *info_cell("agency_name"),
                    "form_retyped",
                    "no _thd metadata sheet (nor thd custom properties): agency recognised "
                    "as BACHTHONG from the name cell (warning)",
                    "Mất trang ẩn _thd; thd nhận ra đơn vị theo tên ghi ở ô này",
                ),
            ],
            drop_metadata=True,
        ),
    ]


# The second TDOAN file: a byte copy of the first, under the name the agency gave it.
DUPLICATE = ("2021_tdoan_tinh-doan.xlsx", "Bao cao Tinh doan (gui lai).xlsx")
ZERO_BYTE = "BC_SoTuPhap.xlsx"
WORD_RENAMED = "Bao cao THD - So Noi vu.xlsx"
LOCK_FILE = "~$2021_babe_ubnd-huyen-ba-be.xlsx"

# Files that are not filled forms: name -> (story, what thd must say).
OTHER_FILES: dict[str, tuple[str, Planted]] = {
    DUPLICATE[1]: (
        "Bản gửi lại của Tỉnh đoàn, giống hệt tệp trước.",
        Planted(
            None,
            None,
            None,
            f"a byte copy of '{DUPLICATE[0]}': listed as a copy, not an error",
            f"Bản sao giống hệt “{DUPLICATE[0]}”: ghi là bản sao, không phải lỗi",
        ),
    ),
    ZERO_BYTE: (
        "Sở Tư pháp: tệp đính kèm bị lỗi khi gửi thư, còn 0 byte.",
        Planted(None, None, "file_empty", "zero-byte .xlsx", "Tệp rỗng (0 byte)"),
    ),
    WORD_RENAMED: (
        "Sở Nội vụ gửi văn bản Word nhưng đổi đuôi thành .xlsx; tệp Word lại bị hỏng khi đính kèm.",
        Planted(
            None,
            None,
            "file_corrupt",
            "Word document renamed .xlsx, damaged: read as Word, which cannot be opened",
            "Tệp Word bị đổi đuôi thành .xlsx, lại bị hỏng (thd đọc theo nội dung: không mở được)",
        ),
    ),
    LOCK_FILE: (
        "Tệp khóa Excel tự tạo khi tệp 2021_babe_ubnd-huyen-ba-be.xlsx đang mở.",
        Planted(
            None,
            None,
            None,
            "Excel lock file: ignored silently, not listed",
            "Tệp khóa của Excel, thd bỏ qua",
        ),
    ),
    ERRORS_LIST: (
        "Chính danh sách này: tệp không phải bảng tính nằm trong thư mục nhận báo cáo.",
        Planted(
            None,
            None,
            None,
            "this Markdown list itself: not a report, listed as another file",
            "Tệp không phải báo cáo (.md): liệt kê, không tính",
        ),
    ),
}


# ----------------------------------------------------------------------------- building


def realise(spec: Spec, rng: random.Random) -> SampleRow:
    """Draw the head counts of one row: exact for activities, rounded estimates for reach."""
    if spec.table == ACT:
        people = sum(rng.randint(*spec.people) for _ in range(spec.count))
    else:
        people = rng.randint(*spec.people)
        people = round(people, -2 if spec.people[1] >= 10_000 else -1)
    female = round(people * rng.uniform(*spec.female) / 100)
    return SampleRow(spec.item, spec.count, people - female, female, spec.level)


def realise_all(rng: random.Random) -> dict[str, dict[str, list[SampleRow]]]:
    tables: dict[str, dict[str, list[SampleRow]]] = {}
    for code, profile in PROFILES.items():
        tables[code] = {key: [] for key in form.TABLE_KEYS}
        for spec in profile.rows:
            tables[code][spec.table].append(realise(spec, rng))
    return tables


def report_for(code: str, tables: dict[str, list[SampleRow]]) -> SampleReport:
    profile = PROFILES[code]
    return SampleReport(
        report_number=profile.number,
        report_date=date(2021, 12, profile.day),
        signer_title=profile.signer[0],
        signer_name=profile.signer[1],
        contact=profile.contact,
        budget_state=profile.budget[0],
        budget_mobilized=profile.budget[1],
        narratives=dict(zip(form.NARRATIVE_KEYS, profile.narratives, strict=True)),
        tables={key: list(rows) for key, rows in tables.items()},
    )


def check_plausible(code: str, report: SampleReport, campaign: Campaign) -> None:
    """The valid inbox must stay valid: fail loudly if the data above drifts out of range."""
    info = campaign.campaign
    for key, rows in report.tables.items():
        for row in rows:
            people = row.male + row.female
            assert row.level in campaign.catalogues.levels, (code, row)
            assert people <= info.population, (code, row)
            if key == ACT:
                assert 20 <= people / row.count <= 300, (code, row)
    for key in form.TABLE_KEYS:
        names = [(" ".join(r.item.lower().split()), r.level) for r in report.tables[key]]
        assert len(names) == len(set(names)), (code, key)


def campaign_of_year(campaign: Campaign, year: int) -> Campaign:
    shift = year - campaign.campaign.year
    info = campaign.campaign
    moved = info.model_copy(
        update={
            "id": f"bac-kan-{year}",
            "year": year,
            "period_start": info.period_start.replace(year=info.period_start.year + shift),
            "period_end": info.period_end.replace(year=info.period_end.year + shift),
            "deadline": info.deadline.replace(year=info.deadline.year + shift),
        }
    )
    return campaign.model_copy(update={"campaign": moved})


def drop_metadata(workbook: Any) -> None:
    """What copying the sheets into a new workbook does: no _thd sheet, lists or properties."""
    del workbook[form.SHEET_META]
    for sheet in workbook.worksheets:
        rules = sheet.data_validations.dataValidation
        sheet.data_validations.dataValidation = [
            rule for rule in rules if form.SHEET_META not in (rule.formula1 or "")
        ]
    custom = workbook.custom_doc_props
    custom.props = [p for p in custom.props if not p.name.startswith("thd_")]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def fixed_zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            archive.writestr(entry, text)
    return out.getvalue()


def word_document() -> bytes:
    """A minimal .docx: what an agency sends when it attaches its Word report instead."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return fixed_zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
                '.org/package/2006/content-types"><Override PartName="/word/document.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                'document.main+xml"/></Types>'
            ),
            "word/document.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>'
                "<w:p><w:r><w:t>BÁO CÁO Kết quả thực hiện Tháng hành động vì bình đẳng giới và "
                "phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2021</w:t></w:r></w:p>"
                "</w:body></w:document>"
            ),
        }
    )


def lock_file(user: str = "Dang Thi Thuy") -> bytes:
    """Excel's owner file: the user name, padded to Excel's fixed 165 bytes."""
    name = user.encode("ascii")
    return (bytes([len(name)]) + name).ljust(54, b" ") + b"\x00" * 111


def fill(blank: bytes, report: SampleReport, edit: Any = None) -> bytes:
    return fill_bytes(blank, report, fixed_time=FIXED_TIME, edit=edit)


def fresh_dir(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


def make_inbox(campaign: Campaign, tables: dict[str, dict[str, list[SampleRow]]]) -> list[str]:
    fresh_dir(INBOX)
    stamper = FormStamper(campaign)
    written = []
    for agency in campaign.agencies:
        if agency.code in MISSING:
            continue
        report = report_for(agency.code, tables[agency.code])
        check_plausible(agency.code, report, campaign)
        name = PROFILES[agency.code].file_name or file_name(campaign, agency)
        (INBOX / name).write_bytes(fill(stamper.stamp(agency), report))
        written.append(name)
    return written


def bad_report(bad: BadForm, tables: dict[str, list[SampleRow]]) -> SampleReport:
    report = report_for(bad.code, tables)
    if bad.report_date:
        report.report_date = bad.report_date
    for key, rows in bad.extra_rows.items():
        report.tables[key] = report.tables[key] + rows
    report.cells = bad.cells
    if bad.nfd_narrative:
        report.narratives[bad.nfd_narrative] = nfd(report.narratives[bad.nfd_narrative])
    return report


def other_file(name: str) -> bytes:
    if name == DUPLICATE[1]:
        return (INBOX_LOI / DUPLICATE[0]).read_bytes()
    if name == WORD_RENAMED:
        return word_document()
    if name == LOCK_FILE:
        return lock_file()
    return b""  # ZERO_BYTE; ERRORS_LIST is written last, from the planted list


def make_inbox_loi(campaign: Campaign, tables: dict[str, dict[str, list[SampleRow]]]) -> None:
    fresh_dir(INBOX_LOI)
    stampers = {campaign.campaign.year: FormStamper(campaign)}
    for bad in bad_forms(tables):
        year = bad.year or campaign.campaign.year
        if year not in stampers:
            stampers[year] = FormStamper(campaign_of_year(campaign, year))
        agency = campaign.agency(bad.code)
        assert agency is not None
        edit = drop_metadata if bad.drop_metadata else None
        data = fill(stampers[year].stamp(agency), bad_report(bad, tables[bad.code]), edit)
        (INBOX_LOI / bad.file_name).write_bytes(data)
    for name in OTHER_FILES:
        if name != ERRORS_LIST:
            (INBOX_LOI / name).write_bytes(other_file(name))


# ----------------------------------------------------------------------------- the lists


def planted_by_file(tables: dict[str, dict[str, list[SampleRow]]]) -> dict[str, list[Planted]]:
    planted = {bad.file_name: bad.planted for bad in bad_forms(tables)}
    return planted | {name: [mistake] for name, (_, mistake) in OTHER_FILES.items()}


def stories(tables: dict[str, dict[str, list[SampleRow]]]) -> dict[str, str]:
    told = {bad.file_name: bad.story for bad in bad_forms(tables)}
    return told | {name: story for name, (story, _) in OTHER_FILES.items()}


def verdict(code: str | None) -> str:
    """How thd answers a planted mistake, in the officer's words."""
    if code is None:
        return "không báo gì"
    severity = "lỗi" if CATALOGUE[code].severity is Severity.ERROR else "cảnh báo"
    return f"thd báo {severity} `{code}`"


def write_errors_list(expected: dict[str, list[Planted]], told: dict[str, str]) -> None:
    lines = [
        "# Danh sách lỗi cài sẵn trong thư mục `inbox-loi`",
        "",
        "Các tệp trong thư mục này mô phỏng những lỗi thường gặp khi các đơn vị gửi báo cáo.",
        "Chạy `thd validate examples/inbox-loi` để xem thd báo gì cho từng tệp. Các tệp được tạo",
        "bằng `scripts/make_examples.py` (chạy lại sẽ tạo lại y hệt). Tên tệp không dùng để nhận",
        "ra đơn vị: thd đọc thông tin nhận dạng ghi sẵn trong mẫu.",
        "",
        "Vị trí ghi theo dạng `trang!ô`, như Excel hiển thị.",
    ]
    for name in sorted(expected):
        lines += ["", f"## `{name}`", "", told[name], ""]
        for planted in expected[name]:
            where = f"`{planted.sheet}!{planted.cell}`" if planted.sheet else "Cả tệp"
            lines.append(f"- {where}: {planted.mo_ta}; {verdict(planted.code)}.")
    lines += [
        "",
        "## Ghi chú",
        "",
        "Số âm, số thập phân, chữ trong ô số, cấp triển khai sai, dòng thiếu tên hoặc thiếu số",
        "liệu là lỗi: dòng đó không được tổng hợp cho đến khi đơn vị sửa. “1.234” gõ dạng chữ",
        "được hiểu là 1234 và chỉ cảnh báo. Dòng tổng cộng không bao giờ được cộng thêm lần nữa.",
        "",
    ]
    (INBOX_LOI / ERRORS_LIST).write_text("\n".join(lines), encoding="utf-8")


def write_expected_json(expected: dict[str, list[Planted]]) -> None:
    data = {
        name: [
            {"sheet": p.sheet, "cell": p.cell, "what": p.what, "code": p.code}
            for p in expected[name]
        ]
        for name in sorted(expected)
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    EXPECTED_JSON.write_text(text, encoding="utf-8")


def main() -> None:
    campaign = config.load(None)
    roster = {agency.code for agency in campaign.agencies}
    assert set(PROFILES) | MISSING == roster and not set(PROFILES) & MISSING
    deadline = campaign.campaign.deadline
    assert {c for c, p in PROFILES.items() if date(2021, 12, p.day) > deadline} == LATE
    tables = realise_all(random.Random(SEED))
    written = make_inbox(campaign, tables)
    make_inbox_loi(campaign, tables)
    expected = planted_by_file(tables)
    write_errors_list(expected, stories(tables))
    write_expected_json(expected)
    print(f"{INBOX.relative_to(ROOT)}: {len(written)} tệp; thiếu: {', '.join(sorted(MISSING))}")
    print(f"{INBOX_LOI.relative_to(ROOT)}: {len(expected)} tệp; {EXPECTED_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
