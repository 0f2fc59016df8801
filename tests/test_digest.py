"""The digest of the agencies' words: points, themes, merged duplicates, addressees, documents.

Texts are the agencies' own, from examples/inbox (read back through validation) and written in
the style of Vietnamese agency reports. The principle under test: nothing invented.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thanghanhdong import config, digest, form
from thanghanhdong.digest import (
    Addressee,
    DocumentRef,
    Event,
    IssuerNames,
    Lexicon,
    Point,
    ThemeGroup,
    agency_documents,
    bound,
    classify_request,
    digest_narratives,
    digest_section,
    find_documents,
    highlights,
    render_agencies,
    render_point,
    split_points,
    theme_of,
    words,
)
from thanghanhdong.inbox import validate_inbox
from thanghanhdong.readers import rollup

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parents[1]
ISSUER = IssuerNames("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SLĐTBXH", "Bắc Kạn")

SLDTBXH = "Sở Lao động - Thương binh và Xã hội"
HLHPN = "Hội Liên hiệp Phụ nữ tỉnh"
BBK = "Báo Bắc Kạn"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
BABE = "UBND huyện Ba Bể"
CHOMOI = "UBND huyện Chợ Mới"
NGANSON = "UBND huyện Ngân Sơn"

DIFFICULTIES = [
    (
        SLDTBXH,
        "Do diễn biến phức tạp của dịch COVID-19, một số hoạt động tập trung đông người phải thu"
        " hẹp quy mô. Kinh phí cho công tác bình đẳng giới còn hạn chế; cán bộ làm công tác bình"
        " đẳng giới cấp xã chủ yếu kiêm nhiệm, thường xuyên thay đổi.",
    ),
    (
        HLHPN,
        "Một số hoạt động tập trung phải lùi thời gian hoặc giảm số người dự do dịch COVID-19."
        " Nguồn lực vận động còn hạn chế; cán bộ chi hội ở thôn, bản vùng cao còn hạn chế về kỹ"
        " năng truyền thông.",
    ),
    (
        BBK,
        "Lực lượng phóng viên mỏng, cùng lúc đảm nhận nhiều nhiệm vụ tuyên truyền. Kinh phí nhuận"
        " bút dành cho chuyên mục còn hạn chế.",
    ),
    (
        MTTQ,
        "Nguồn lực vận động còn hạn chế; một số Ban công tác Mặt trận ở khu dân cư chưa chủ động"
        " trong tuyên truyền.",
    ),
    (
        BABE,
        "Địa bàn rộng, nhiều thôn xa trung tâm xã, đi lại khó khăn; kinh phí dành cho hoạt động"
        " hưởng ứng còn hạn chế.",
    ),
    (
        CHOMOI,
        "Kinh phí còn hạn chế; một số xã chưa bố trí ổn định cán bộ theo dõi công tác bình đẳng"
        " giới.",
    ),
    (
        NGANSON,
        "Báo cáo gửi chậm do các xã tổng hợp số liệu muộn. Địa bàn vùng cao, rét đậm, giao thông"
        " đi lại khó khăn.",
    ),
]


# --- splitting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "points"),
    [
        (
            "Kinh phí còn hạn chế; một số xã chưa bố trí ổn định cán bộ theo dõi công tác bình"
            " đẳng giới.",
            [
                "Kinh phí còn hạn chế",
                "Một số xã chưa bố trí ổn định cán bộ theo dõi công tác bình đẳng giới",
            ],
        ),
        (
            "- Kinh phí hạn chế.\n+ Cán bộ kiêm nhiệm;\n• Địa bàn rộng, đi lại khó khăn\n"
            "a) Thiếu tài liệu tuyên truyền\r\n1. Loa truyền thanh hư hỏng\n2) Nhận thức còn hạn chế",
            [
                "Kinh phí hạn chế",
                "Cán bộ kiêm nhiệm",
                "Địa bàn rộng, đi lại khó khăn",
                "Thiếu tài liệu tuyên truyền",
                "Loa truyền thanh hư hỏng",
                "Nhận thức còn hạn chế",
            ],
        ),
        # "; " between names is a list, not clauses
        (
            "Tổ chức tại các xã Cao Sơn; Bằng Vân; Cổ Linh.",
            ["Tổ chức tại các xã Cao Sơn; Bằng Vân; Cổ Linh"],
        ),
        (
            "Tổ chức tọa đàm tại TP. Bắc Kạn. Kinh phí 12.500.000 đồng. 100% cơ sở hội tham gia.",
            [
                "Tổ chức tọa đàm tại TP. Bắc Kạn",
                "Kinh phí 12.500.000 đồng",
                "100% cơ sở hội tham gia",
            ],
        ),
        (
            "Tổ chức 03 diễn đàn “Phụ nữ và trẻ em gái lên tiếng”. Tiếp theo là hội thi.",
            ["Tổ chức 03 diễn đàn “Phụ nữ và trẻ em gái lên tiếng”", "Tiếp theo là hội thi"],
        ),
        # a request's lead-in stays in front of each of its bullets; a heading goes
        (
            "Đề nghị UBND tỉnh:\n- Hỗ trợ kinh phí sửa chữa loa;\n- Bố trí cán bộ chuyên trách.\n"
            "Đề nghị Bộ sớm ban hành tài liệu.",
            [
                "Đề nghị UBND tỉnh: Hỗ trợ kinh phí sửa chữa loa",
                "Đề nghị UBND tỉnh: Bố trí cán bộ chuyên trách",
                "Đề nghị Bộ sớm ban hành tài liệu",
            ],
        ),
        (
            "Khó khăn: - Kinh phí còn hạn chế; - Cán bộ thường xuyên thay đổi.",
            ["Kinh phí còn hạn chế", "Cán bộ thường xuyên thay đổi"],
        ),
        (
            "II. ĐÁNH GIÁ CHUNG\n1. Kết quả đạt được: các hoạt động được tổ chức tốt.",
            ["Các hoạt động được tổ chức tốt"],
        ),
        ("Không.", []),
        ("Không có kiến nghị", []),
        ("không có khó khăn, vướng mắc", []),
        ("  \n ", []),
    ],
)
def test_split_points(text: str, points: list[str]) -> None:
    assert split_points(text) == points


def test_split_points_reads_text_typed_on_a_mac() -> None:
    import unicodedata

    typed = unicodedata.normalize("NFD", "Địa bàn rộng; kinh phí dành cho hưởng ứng còn ít.")
    assert split_points(typed) == ["Địa bàn rộng", "Kinh phí dành cho hưởng ứng còn ít"]


DISTRICT_DIFFICULTIES = """1. Khó khăn:
- Kinh phí cấp cho hoạt động bình đẳng giới còn ít, chủ yếu lồng ghép;
- Đội ngũ cán bộ làm công tác bình đẳng giới ở cấp xã là kiêm nhiệm, chưa được tập huấn;
- Một số thôn, bản vùng sâu, vùng xa giao thông đi lại khó khăn, nhất là mùa mưa.
2. Nguyên nhân: Do điều kiện kinh tế còn khó khăn."""

DISTRICT_PROPOSALS = """3. Kiến nghị, đề xuất
a) Đối với Bộ Lao động - Thương binh và Xã hội: Sớm ban hành bộ tài liệu hướng dẫn nghiệp vụ.
b) Đối với UBND tỉnh: Quan tâm bố trí kinh phí cho công tác bình đẳng giới.
c) Đối với Sở Lao động - Thương binh và Xã hội: Hỗ trợ tờ rơi, áp phích.
- Đối với UBND tỉnh:
+ Chỉ đạo các sở, ngành phối hợp kiểm tra tại cơ sở
Tiếp tục chỉ đạo các xã, thị trấn duy trì mô hình.
Do cán bộ phụ trách nghỉ ốm nên báo cáo gửi chậm, mong Sở thông cảm."""


def test_a_district_report_typed_with_its_own_headings() -> None:
    assert split_points(DISTRICT_DIFFICULTIES) == [
        "Kinh phí cấp cho hoạt động bình đẳng giới còn ít, chủ yếu lồng ghép",
        "Đội ngũ cán bộ làm công tác bình đẳng giới ở cấp xã là kiêm nhiệm, chưa được tập huấn",
        "Một số thôn, bản vùng sâu, vùng xa giao thông đi lại khó khăn, nhất là mùa mưa",
        "Do điều kiện kinh tế còn khó khăn",
    ]
    points = split_points(DISTRICT_PROPOSALS)
    assert [(p[:30], classify_request(p, ISSUER)) for p in points] == [
        ("Đối với Bộ Lao động - Thương b", Addressee.MINISTRY),
        ("Đối với UBND tỉnh: Quan tâm bố", Addressee.PROVINCE),
        ("Đối với Sở Lao động - Thương b", Addressee.ISSUER),
        ("Đối với UBND tỉnh: Chỉ đạo các", Addressee.PROVINCE),
        ("Tiếp tục chỉ đạo các xã, thị t", Addressee.INTERNAL),
        ("Do cán bộ phụ trách nghỉ ốm nê", Addressee.EXCUSE),
    ]


# --- themes and merging ----------------------------------------------------------------------


def test_difficulties_of_the_examples_grouped_by_theme() -> None:
    groups = digest_section(DIFFICULTIES)
    shown = [(g.theme, [(p.text, p.agencies) for p in g.points]) for g in groups]
    assert shown == [
        (
            "Kinh phí, nguồn lực",
            [
                ("Kinh phí còn hạn chế", (SLDTBXH, BABE, CHOMOI)),
                ("Nguồn lực vận động còn hạn chế", (HLHPN, MTTQ)),
                ("Kinh phí nhuận bút dành cho chuyên mục còn hạn chế", (BBK,)),
            ],
        ),
        (
            "Cán bộ, nhân lực",
            [
                (
                    "Cán bộ làm công tác bình đẳng giới cấp xã chủ yếu kiêm nhiệm, thường xuyên"
                    " thay đổi",
                    (SLDTBXH,),
                ),
                (
                    "Cán bộ chi hội ở thôn, bản vùng cao còn hạn chế về kỹ năng truyền thông",
                    (HLHPN,),
                ),
                (
                    "Lực lượng phóng viên mỏng, cùng lúc đảm nhận nhiều nhiệm vụ tuyên truyền",
                    (BBK,),
                ),
                (
                    "Một số xã chưa bố trí ổn định cán bộ theo dõi công tác bình đẳng giới",
                    (CHOMOI,),
                ),
            ],
        ),
        (
            "Dịch COVID-19",
            [
                (
                    "Do diễn biến phức tạp của dịch COVID-19, một số hoạt động tập trung đông"
                    " người phải thu hẹp quy mô",
                    (SLDTBXH,),
                ),
                (
                    "Một số hoạt động tập trung phải lùi thời gian hoặc giảm số người dự do dịch"
                    " COVID-19",
                    (HLHPN,),
                ),
            ],
        ),
        (
            "Địa bàn vùng sâu, vùng xa",
            [
                ("Địa bàn rộng, nhiều thôn xa trung tâm xã, đi lại khó khăn", (BABE,)),
                ("Địa bàn vùng cao, rét đậm, giao thông đi lại khó khăn", (NGANSON,)),
            ],
        ),
        (
            "Khác",
            [
                (
                    "Một số Ban công tác Mặt trận ở khu dân cư chưa chủ động trong tuyên truyền",
                    (MTTQ,),
                )
            ],
        ),
    ]


def test_merged_point_is_written_in_its_shortest_phrasing_and_keeps_every_phrasing() -> None:
    money = digest_section(DIFFICULTIES)[0].points[0]
    assert money.text == "Kinh phí còn hạn chế"
    assert money.phrasings == (
        (SLDTBXH, "Kinh phí cho công tác bình đẳng giới còn hạn chế"),
        (BABE, "Kinh phí dành cho hoạt động hưởng ứng còn hạn chế"),
        (CHOMOI, "Kinh phí còn hạn chế"),
    )


def test_points_with_different_figures_are_never_merged() -> None:
    entries = [
        ("UBND huyện Na Rì", "Tổ chức 01 lớp tập huấn, 17 buổi nói chuyện chuyên đề tại các xã."),
        (NGANSON, "Tổ chức 01 lớp tập huấn, 10 buổi nói chuyện chuyên đề tại các xã."),
        ("UBND huyện Chợ Đồn", "Tổ chức 01 lớp tập huấn, 10 buổi nói chuyện chuyên đề tại các xã."),
    ]
    points = [p for g in digest_section(entries) for p in g.points]
    assert [(p.text[:30], p.agencies) for p in points] == [
        ("Tổ chức 01 lớp tập huấn, 10 bu", (NGANSON, "UBND huyện Chợ Đồn")),
        ("Tổ chức 01 lớp tập huấn, 17 bu", ("UBND huyện Na Rì",)),
    ]


def test_one_agency_saying_a_point_twice_is_named_once() -> None:
    entries = [(BABE, "Kinh phí còn hạn chế.\n- Kinh phí còn hạn chế")]
    (group,) = digest_section(entries)
    assert [(p.text, p.agencies) for p in group.points] == [("Kinh phí còn hạn chế", (BABE,))]


def test_similarity_rule_is_jaccard_of_content_words() -> None:
    # {kinh, phi, han, che} against {kinh, phi, huong, ung, han, che}: 4 / 6
    assert digest.similarity(
        "Kinh phí còn hạn chế", "Kinh phí dành cho hoạt động hưởng ứng còn hạn chế"
    ) == pytest.approx(4 / 6)
    assert digest.similarity("Kinh phí còn hạn chế", "KINH PHI CON HAN CHE.") == 1.0


@pytest.mark.parametrize(
    ("point", "theme"),
    [
        ("Cán bộ chuyên trách thường xuyên thay đổi", "Cán bộ, nhân lực"),
        ("Một số cụm loa truyền thanh ở các xã vùng cao hư hỏng", "Cơ sở vật chất, trang thiết bị"),
        ("Nhận thức của cán bộ, công chức về bình đẳng giới được nâng lên", "Nhận thức, tập quán"),
        (
            "Huyện có đông đồng bào dân tộc Tày, Nùng, Dao, Mông",
            "Ngôn ngữ, đồng bào dân tộc thiểu số",
        ),
        ("Tảo hôn vẫn còn ở một số thôn vùng cao", "Nhận thức, tập quán"),
        ("Bài học kinh nghiệm là phát huy vai trò của người có uy tín", "Bài học kinh nghiệm"),
        ("Lực lượng y tế cơ sở tập trung cho phòng, chống dịch COVID-19", "Dịch COVID-19"),
        ("Tin, bài được đăng kịp thời, có chiều sâu", "Khác"),
    ],
)
def test_theme_of(point: str, theme: str) -> None:
    assert theme_of(point) == theme


def test_a_custom_lexicon_sorts_into_its_own_themes() -> None:
    lexicon = Lexicon(themes=(digest.Theme("Thiếu kinh phí", ("kinh phi", "nguồn lực")),))
    groups = digest_section(DIFFICULTIES, lexicon)
    assert [g.theme for g in groups] == ["Thiếu kinh phí", "Khác"]
    assert set(groups[0].agencies) == {SLDTBXH, HLHPN, BABE, CHOMOI, MTTQ, BBK}


# --- whom a request addresses ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "addressee"),
    [
        ("Đề nghị Sở Lao động - Thương binh và Xã hội hỗ trợ tờ rơi", Addressee.ISSUER),
        ("Đề nghị Sở LĐ-TB&XH hỗ trợ tờ rơi, tài liệu tuyên truyền", Addressee.ISSUER),
        ("Đề nghị Sở LĐTBXH tổ chức tập huấn cho cán bộ xã", Addressee.ISSUER),
        ("Kiến nghị SLĐTBXH bổ sung tài liệu song ngữ", Addressee.ISSUER),
        ("Đề nghị Sở hỗ trợ thêm tài liệu tuyên truyền", Addressee.ISSUER),
        ("Đề nghị ngành Lao động - Thương binh và Xã hội quan tâm", Addressee.ISSUER),
        ("Đề nghị Bộ Lao động - Thương binh và Xã hội ban hành tài liệu", Addressee.MINISTRY),
        ("Đề nghị Bộ LĐTBXH in tài liệu song ngữ", Addressee.MINISTRY),
        ("Kính đề nghị Bộ Nội vụ hướng dẫn", Addressee.MINISTRY),
        ("Kiến nghị Trung ương sớm sửa đổi Luật Bình đẳng giới", Addressee.MINISTRY),
        ("Đề nghị Chính phủ bố trí nguồn lực", Addressee.MINISTRY),
        ("Đề nghị Quốc hội sửa đổi Luật Phòng, chống bạo lực gia đình", Addressee.MINISTRY),
        # the ministries since 2025, and central bodies that are no ministry (review 2026-12-02d)
        ("Đề nghị Bộ Dân tộc và Tôn giáo biên soạn tài liệu", Addressee.MINISTRY),
        ("Đề nghị Bộ Khoa học và Công nghệ hỗ trợ", Addressee.MINISTRY),
        ("Đề nghị Bộ Công Thương hướng dẫn", Addressee.MINISTRY),
        ("Đề nghị Bộ Xây dựng quan tâm", Addressee.MINISTRY),
        ("Đề nghị Tổng Liên đoàn Lao động Việt Nam hỗ trợ tài liệu", Addressee.MINISTRY),
        ("Đề nghị UBND tỉnh quan tâm bố trí kinh phí", Addressee.PROVINCE),
        ("Đề nghị Ủy ban nhân dân tỉnh Bắc Kạn quan tâm", Addressee.PROVINCE),
        ("Đề nghị với UBND tỉnh bố trí kinh phí", Addressee.PROVINCE),
        ("Đề nghị HĐND tỉnh giám sát", Addressee.PROVINCE),
        ("Kiến nghị Tỉnh ủy chỉ đạo", Addressee.PROVINCE),
        ("Đề nghị tỉnh hỗ trợ tài liệu tuyên truyền song ngữ", Addressee.PROVINCE),
        (
            "Đề nghị tỉnh tổ chức tập huấn nghiệp vụ tổng hợp, báo cáo số liệu cho cán bộ cấp xã",
            Addressee.PROVINCE,
        ),
        ("Đề nghị Tỉnh đoàn phối hợp", Addressee.PEERS),
        ("Đề nghị Bộ Chỉ huy Quân sự tỉnh phối hợp", Addressee.PEERS),
        ("Đề nghị Sở Y tế phối hợp", Addressee.PEERS),
        ("Đề nghị các sở, ngành, địa phương kịp thời cung cấp thông tin", Addressee.PEERS),
        ("Đề nghị người sử dụng lao động tạo điều kiện về thời gian", Addressee.PEERS),
        ("Đề nghị UBND các xã chủ động bố trí kinh phí", Addressee.INTERNAL),
        ("Đề nghị các chi hội duy trì sinh hoạt", Addressee.INTERNAL),
        ("Thời gian tới, huyện sẽ tiếp tục chỉ đạo các xã", Addressee.INTERNAL),
        ("Báo cáo muộn do cán bộ phụ trách đi công tác", Addressee.EXCUSE),
        ("Xin lỗi vì gửi chậm báo cáo", Addressee.EXCUSE),
        ("Đơn vị gửi báo cáo chậm so với thời hạn", Addressee.EXCUSE),
        # "bổ sung", "bố trí" fold to "bo" as "Bộ" does: no addressee, not the Ministry
        ("Đề nghị bổ sung tài liệu tuyên truyền phù hợp với lứa tuổi học sinh", Addressee.OTHER),
        ("Đề nghị bố trí kinh phí duy trì các mô hình", Addressee.OTHER),
        ("Đề nghị hỗ trợ kinh phí duy trì các câu lạc bộ kỹ năng sống", Addressee.OTHER),
    ],
)
def test_classify_request(request_text: str, addressee: Addressee) -> None:
    assert classify_request(request_text, ISSUER) is addressee


def test_issuer_of_another_level_is_recognised_by_its_own_names() -> None:
    district = IssuerNames("Phòng Lao động - Thương binh và Xã hội", "PLĐTBXH", "Ba Bể")
    assert classify_request("Đề nghị Phòng LĐTBXH hỗ trợ", district) is Addressee.ISSUER
    assert classify_request("Đề nghị PLĐTBXH hỗ trợ", district) is Addressee.ISSUER
    custom = IssuerNames("Sở Nội vụ", "SNV", aliases=("Ban Vì sự tiến bộ của phụ nữ tỉnh",))
    assert classify_request("Đề nghị Ban Vì sự tiến bộ của phụ nữ tỉnh", custom) is Addressee.ISSUER


def test_excuses_are_set_aside_in_every_section() -> None:
    sections = digest_narratives({"difficulties": DIFFICULTIES}, ISSUER)
    section = sections["difficulties"]
    assert [(p.text, p.agencies, p.addressee) for p in section.set_aside] == [
        ("Báo cáo gửi chậm do các xã tổng hợp số liệu muộn", (NGANSON,), Addressee.EXCUSE)
    ]
    assert all("chậm" not in p.text for p in section.points)


def test_proposals_grouped_by_addressee_the_rest_for_the_officer() -> None:
    proposals = [
        (
            SLDTBXH,
            "Đề nghị Bộ Lao động - Thương binh và Xã hội tiếp tục hỗ trợ tài liệu truyền thông."
            " Đề nghị UBND tỉnh quan tâm bố trí kinh phí.",
        ),
        (
            HLHPN,
            "Đề nghị UBND tỉnh tiếp tục bố trí kinh phí cho các mô hình. Đề nghị Sở Lao động -"
            " Thương binh và Xã hội hỗ trợ tờ rơi, tài liệu tuyên truyền song ngữ.",
        ),
        ("Tỉnh đoàn", "Đề nghị hỗ trợ kinh phí duy trì các câu lạc bộ kỹ năng sống."),
        ("Công an tỉnh", "Đề nghị các ngành, đoàn thể phối hợp chặt chẽ với lực lượng Công an."),
        (NGANSON, "Xin lỗi vì báo cáo gửi chậm."),
    ]
    section = digest_narratives({"proposals": proposals}, ISSUER)["proposals"]
    assert [(g.theme, [(p.text, p.agencies) for p in g.points]) for g in section.groups] == [
        (
            "Đối với Bộ, ngành Trung ương",
            [
                (
                    "Đề nghị Bộ Lao động - Thương binh và Xã hội tiếp tục hỗ trợ tài liệu truyền"
                    " thông",
                    (SLDTBXH,),
                )
            ],
        ),
        (
            "Đối với Ủy ban nhân dân tỉnh",
            [
                ("Đề nghị UBND tỉnh quan tâm bố trí kinh phí", (SLDTBXH,)),
                ("Đề nghị UBND tỉnh tiếp tục bố trí kinh phí cho các mô hình", (HLHPN,)),
            ],
        ),
        (
            "Các đề xuất khác",
            [("Đề nghị hỗ trợ kinh phí duy trì các câu lạc bộ kỹ năng sống", ("Tỉnh đoàn",))],
        ),
    ]
    assert [(p.addressee, p.agencies) for p in section.set_aside] == [
        (Addressee.ISSUER, (HLHPN,)),
        (Addressee.PEERS, ("Công an tỉnh",)),
        (Addressee.EXCUSE, (NGANSON,)),
    ]


# --- length bound and rendering --------------------------------------------------------------


def _group(theme: str, count: int) -> ThemeGroup:
    return ThemeGroup(
        theme, tuple(Point(f"{theme} {n}", ("A",), (("A", "x"),)) for n in range(count))
    )


def test_bound_takes_points_in_rounds_across_themes() -> None:
    groups = [_group("a", 5), _group("b", 1), _group("c", 3)]
    bounded = bound(groups, max_per_theme=2, max_per_section=4)
    assert [(g.theme, [p.text for p in g.points], g.left_out) for g in bounded.groups] == [
        ("a", ["a 0", "a 1"], 3),
        ("b", ["b 0"], 0),
        ("c", ["c 0"], 2),
    ]
    assert [p.text for p in bounded.left_out] == ["a 2", "a 3", "a 4", "c 1", "c 2"]


def test_bound_drops_a_theme_with_nothing_shown() -> None:
    bounded = bound([_group("a", 2), _group("b", 2)], max_per_theme=1, max_per_section=1)
    assert [g.theme for g in bounded.groups] == ["a"]
    assert len(bounded.left_out) == 3


def test_render_point_names_agencies() -> None:
    point = Point("Kinh phí còn hạn chế", (CHOMOI, "UBND huyện Na Rì", "A", "B", "C"), ())
    assert render_point(point) == (
        "Kinh phí còn hạn chế (UBND huyện Chợ Mới, UBND huyện Na Rì và 3 đơn vị khác)"
    )
    assert render_agencies(["A", "B", "C"]) == "A, B, C"  # never "và 1 đơn vị khác"
    assert render_agencies(["Sở Giáo dục và Đào tạo"]) == "Sở Giáo dục và Đào tạo"
    assert render_agencies(["A", "B", "C", "D"], max_named=1) == "A và 3 đơn vị khác"


# --- directing documents ---------------------------------------------------------------------


def test_find_documents_in_the_styles_agencies_write_them() -> None:
    text = (
        "Sở ban hành Kế hoạch số 215/KH-STP ngày 05/11/2021 và Công văn 45/CV-SYT ngày"
        " 5/11/2021; Hướng dẫn số 03/HD-SNV ngày 01 tháng 11 năm 2021; QUYẾT ĐỊNH số: 12/QĐ-UBND"
        " ngày 31/02/2021; Kế hoạch số 96-KH/TĐTN-BTG ngày 04-11-2021. Kế hoạch 2022 sẽ tiếp tục."
    )
    found = [(d.kind, d.number, d.date, d.own) for d in find_documents(text, "Sở Tư pháp")]
    assert found == [
        ("Kế hoạch", "215/KH-STP", date(2021, 11, 5), True),
        ("Công văn", "45/CV-SYT", date(2021, 11, 5), True),
        ("Hướng dẫn", "03/HD-SNV", date(2021, 11, 1), True),
        ("Quyết định", "12/QĐ-UBND", None, True),  # 31/02 is no date
        ("Kế hoạch", "96-KH/TĐTN-BTG", date(2021, 11, 4), True),
    ]


def test_documents_of_other_bodies_are_not_the_agencys_own() -> None:
    text = (
        "Thực hiện Kế hoạch số 622/KH-UBND ngày 18/10/2021 của UBND tỉnh, huyện ban hành Kế"
        " hoạch số 12/KH-UBND ngày 02/11/2021. Căn cứ Công văn số 2315/SLĐTBXH-BTXH, Phòng"
        " ban hành Hướng dẫn số 3/HD-PLĐTBXH."
    )
    found = [(d.number, d.own) for d in find_documents(text)]
    assert found == [
        ("622/KH-UBND", False),
        ("12/KH-UBND", True),
        ("2315/SLĐTBXH-BTXH", False),
        ("3/HD-PLĐTBXH", True),
    ]


def test_agency_documents_once_each_without_the_provinces_plan() -> None:
    entries = [
        (
            SLDTBXH,
            "Ngay sau khi UBND tỉnh ban hành Kế hoạch số 622/KH-UBND ngày 18/10/2021, Sở đã ban"
            " hành Công văn số 2315/SLĐTBXH-BTXH hướng dẫn các sở, ban, ngành.",
        ),
        ("Sở Nội vụ", "Sở ban hành văn bản triển khai Kế hoạch số 622/KH-UBND tới các phòng."),
        (
            HLHPN,
            "Ban Thường vụ Hội LHPN tỉnh ban hành Kế hoạch số 112/KH-HLHPN ngày 01/11/2021; Kế"
            " hoạch số 112/KH-HLHPN được gửi tới các huyện.",
        ),
        ("Sở Tư pháp", "Sở lồng ghép với Kế hoạch 622/KH-UBND ngày 18/10/2021."),
    ]
    assert agency_documents(entries, exclude=["622/KH-UBND"]) == [
        DocumentRef(
            SLDTBXH, "Công văn", "2315/SLĐTBXH-BTXH", None, "Công văn số 2315/SLĐTBXH-BTXH"
        ),
        DocumentRef(
            HLHPN,
            "Kế hoạch",
            "112/KH-HLHPN",
            date(2021, 11, 1),
            "Kế hoạch số 112/KH-HLHPN ngày 01/11/2021",
        ),
    ]


def test_a_joint_plan_stays_under_each_agency_that_names_it() -> None:
    plan = "Ban hành Kế hoạch số 45/KHLT-SLĐTBXH-HLHPN ngày 01/11/2021 (liên tịch)."
    women = "Hội Liên hiệp Phụ nữ tỉnh"
    entries = [("Sở Lao động - Thương binh và Xã hội", plan), (women, plan), (women, plan)]
    found = agency_documents(entries, exclude=["622/KH-UBND"])
    assert [d.agency for d in found] == ["Sở Lao động - Thương binh và Xã hội", women]
    assert len({digest.document_key(d) for d in found}) == 1


def test_a_rolled_up_body_named_at_a_lines_start_is_not_part_of_the_point() -> None:
    text = (
        "UBND huyện Chợ Đồn: Tổ chức mít tinh tại các xã.\n"
        "UBND xã Một: - Kinh phí còn hạn chế\n- Cán bộ kiêm nhiệm\n"
        "Khó khăn: địa bàn rộng.\nSố lượng: 12 buổi.\nHội nghị: tổ chức 3 hội nghị."
    )
    assert split_points(rollup.without_names(text)) == [
        "Tổ chức mít tinh tại các xã",
        "Kinh phí còn hạn chế",
        "Cán bộ kiêm nhiệm",
        "Địa bàn rộng",
        "Số lượng: 12 buổi",
        "Hội nghị: tổ chức 3 hội nghị",
    ]
    rolled = rollup.without_names("UBND xã Một: Kinh phí còn hạn chế.")
    (point,) = digest_section([(BABE, rolled), ("Na Rì", rollup.without_names(text))])[0].points[:1]
    assert render_point(point) == "Kinh phí còn hạn chế (UBND huyện Ba Bể, Na Rì)"


def test_an_agencys_own_text_keeps_the_body_it_names() -> None:
    """Only a roll-up's names are taken off: in an agency's own text, "Sở Y tế: ..." says who
    did what, and the signed point must still say it."""
    points = split_points("Sở Y tế: phối hợp khám sàng lọc cho 200 phụ nữ.")
    assert points == ["Sở Y tế: phối hợp khám sàng lọc cho 200 phụ nữ"]


# --- highlights ------------------------------------------------------------------------------


def test_highlights_quote_the_agency_about_the_largest_events() -> None:
    texts = {
        HLHPN: (
            "Tổ chức 03 diễn đàn “Phụ nữ và trẻ em gái lên tiếng phòng chống bạo lực” tại các"
            " huyện Ba Bể, Chợ Mới, Na Rì; 06 buổi đối thoại chính sách và 18 buổi nói chuyện"
            " chuyên đề tại cơ sở."
        ),
        "Sở Văn hóa, Thể thao và Du lịch": (
            "Tổ chức 02 chương trình giao lưu văn nghệ chủ đề “Chấm dứt bạo lực, vun đắp yêu"
            " thương”, 01 giải thể thao dành cho nữ công chức, viên chức."
        ),
        "Sở Y tế": "Phát tờ rơi, áp phích tuyên truyền tại các cơ sở khám, chữa bệnh.",
        "Tỉnh đoàn": "Tổ chức 03 giải thể thao thanh niên tại các huyện.",
    }
    events = [
        Event(HLHPN, "Diễn đàn", 3, 900),
        Event(HLHPN, "Nói chuyện chuyên đề", 18, 800),  # one quote per agency
        Event("Sở Y tế", "Thi sáng tác", 1, 700),  # its text says nothing of it
        Event("Sở Văn hóa, Thể thao và Du lịch", "Giao lưu văn nghệ", 2, 600),
        Event("Tỉnh đoàn", "Thể thao", 3, 500),
        Event("UBND huyện Ba Bể", "Thể thao", 3, 400),
    ]
    chosen = highlights(events, texts, limit=3)
    assert [(h.agency, h.item, h.text) for h in chosen] == [
        (
            HLHPN,
            "Diễn đàn",
            "Tổ chức 03 diễn đàn “Phụ nữ và trẻ em gái lên tiếng phòng chống bạo lực” tại các"
            " huyện Ba Bể, Chợ Mới, Na Rì",
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            "Giao lưu văn nghệ",
            "Tổ chức 02 chương trình giao lưu văn nghệ chủ đề “Chấm dứt bạo lực, vun đắp yêu"
            " thương”, 01 giải thể thao dành cho nữ công chức, viên chức",
        ),
        ("Tỉnh đoàn", "Thể thao", "Tổ chức 03 giải thể thao thanh niên tại các huyện"),
    ]


# --- configuration ---------------------------------------------------------------------------


def _commented_digest_section() -> str:
    text = (ROOT / "templates" / "thd.toml").read_text(encoding="utf-8")
    block = text[text.index("# [digest]") : text.index("# Danh sách đơn vị phải báo cáo.")]
    return "\n".join(re.sub(r"^# ?", "", line) for line in block.splitlines())


def test_commented_section_of_the_template_is_the_default_lexicon() -> None:
    data = tomllib.loads(_commented_digest_section())
    assert Lexicon.from_mapping(data["digest"]) == digest.DEFAULT_LEXICON


def test_the_shipped_config_still_loads_with_the_commented_section() -> None:
    assert config.load(ROOT / "templates" / "thd.toml") == config.load(None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"similarity": 2}, "similarity"),
        ({"max_points_per_theme": "4"}, "max_points_per_theme"),
        ({"themes": [{"name": "Kinh phí"}]}, "name và keywords"),
        ({"themes": [{"name": "Kinh phí", "keywords": ["", 3]}]}, "Kinh phí"),
        ({"them": []}, "them"),
    ],
)
def test_a_wrong_digest_section_is_named(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Lexicon.from_mapping(data)


def test_custom_bounds_from_the_config() -> None:
    lexicon = Lexicon.from_mapping({"max_points_per_theme": 1, "max_points_per_section": 2})
    section = digest_narratives({"difficulties": DIFFICULTIES}, ISSUER, lexicon)["difficulties"]
    assert [len(g.points) for g in section.groups] == [1, 1]
    assert len(section.left_out) == 12 - 2  # 12 points once merged, the excuse set aside


# --- on the shipped examples -----------------------------------------------------------------


def _narratives(inbox: str) -> dict[str, list[tuple[str, str]]]:
    campaign = config.load(None)
    report = validate_inbox(ROOT / "examples" / inbox, campaign)
    submitted = {f.submission.agency_code: f.submission for f in report.files if f.submission}
    roster = [a for a in campaign.agencies if a.code in submitted]
    return {
        key: [(a.name, submitted[a.code].narratives.get(key, "")) for a in roster]
        for key in form.NARRATIVE_KEYS
    }


@pytest.fixture(scope="module", params=["inbox", "inbox-loi"])
def example(request: pytest.FixtureRequest) -> dict[str, list[tuple[str, str]]]:
    return _narratives(request.param)


def test_nothing_invented(example: dict[str, list[tuple[str, str]]]) -> None:
    sections = digest_narratives(example, ISSUER)
    for key, section in sections.items():
        said = {agency: words(text) for agency, text in example[key]}
        every = [*section.points, *section.set_aside, *section.left_out]
        assert every, key
        for point in every:
            assert point.agencies, point
            assert words(point.text) in {words(text) for _, text in point.phrasings}
            for agency, phrasing in point.phrasings:
                assert agency in point.agencies
                assert words(phrasing) in said[agency], (agency, phrasing)


def test_every_point_of_the_examples_is_kept_somewhere(
    example: dict[str, list[tuple[str, str]]],
) -> None:
    sections = digest_narratives(example, ISSUER)
    for key, section in sections.items():
        points = digest.section_points(example[key])
        every = [*section.points, *section.set_aside, *section.left_out]
        assert sorted(pair for p in every for pair in p.phrasings) == sorted(points)


def test_examples_recommendations_hold_no_request_to_the_issuing_body() -> None:
    section = digest_narratives(_narratives("inbox"), ISSUER)["proposals"]
    shown = [*section.points, *section.left_out]
    issuer_words = ("so lao dong thuong binh va xa hoi", "sldtbxh", "so ldtbxh")
    assert shown
    assert not [p.text for p in shown if any(w in words(p.text) for w in issuer_words)]
    assert all(p.addressee in digest.IN_REPORT for p in shown)
    to_issuer = [p.agencies for p in section.set_aside if p.addressee is Addressee.ISSUER]
    assert to_issuer == [(HLHPN,), (BBK,), ("Sở Y tế",)]


def test_examples_within_the_length_bound() -> None:
    sections = digest_narratives(_narratives("inbox"), ISSUER)
    for section in sections.values():
        assert len(section.points) <= digest.DEFAULT_LEXICON.max_points_per_section
        assert all(
            len(g.points) <= digest.DEFAULT_LEXICON.max_points_per_theme for g in section.groups
        )
    assert [p.agencies for p in sections["difficulties"].set_aside] == [(NGANSON,)]


def test_examples_directing_documents() -> None:
    documents = agency_documents(_narratives("inbox")["direction"], exclude=["622/KH-UBND"])
    assert len(documents) == 15
    assert {d.agency for d in documents} >= {SLDTBXH, HLHPN, BABE, "Tỉnh đoàn"}
    assert "Sở Nội vụ" not in {d.agency for d in documents}  # "ban hành văn bản": no number
    assert sum(d.date is None for d in documents) == 3  # SLĐTBXH, SYT and SGDĐT give no date


# --- any text --------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Kinh phí",
        "còn hạn chế",
        "cán bộ",
        "Đề nghị",
        "UBND tỉnh",
        "Sở LĐ-TB&XH",
        "Bộ",
        "bổ sung",
        "TP.",
        "12.500.000",
        "Kế hoạch số 12/KH-UBND",
        "ngày 31/02/2021",
        "“Gia đình”",
        " ",
        ", ",
        "; ",
        ". ",
        "...",
        "\n",
        "\r\n",
        "\n- ",
        "\n+ ",
        "\n1. ",
        "\na) ",
        "•",
        "Không",
        "II.",
        "KHÓ KHĂN",
        "\u00a0",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_points_made_of_its_own_words(text: str) -> None:
    for point in split_points(text):
        assert point == point.strip() and any(ch.isalpha() for ch in point)
        assert words(point) in words(text)
        classify_request(point, ISSUER)
    find_documents(text)


@pytest.mark.parametrize(
    "text",
    [
        "a" + "." * 32000 + "b",
        "x; " * 10000,
        "a.\t" * 16000,
        "- a\n" * 8000,
        "Kế hoạch số 1" + "/a" * 9000,
    ],
)
def test_a_full_cell_of_odd_text_is_read(text: str) -> None:
    points = split_points(text)
    assert all(words(p) in words(text) for p in points)
    digest_narratives({"proposals": [("A", text)]}, ISSUER)


def test_examples_highlights_from_the_largest_activities() -> None:
    # Each agency's own largest, even when the item repeats (I.2 says "lớn nhất").
    campaign = config.load(None)
    report = validate_inbox(ROOT / "examples" / "inbox", campaign)
    submissions = [f.submission for f in report.files if f.submission]
    events = sorted(
        (
            Event(s.agency_name, row.item, row.count, row.people)
            for s in submissions
            for row in s.tables["activities"]
        ),
        key=lambda e: -e.reach,
    )
    texts = {s.agency_name: s.narratives["activities_text"] for s in submissions}
    assert [(h.agency, h.item, h.text) for h in highlights(events, texts)] == [
        (
            "Sở Giáo dục và Đào tạo",
            "Nói chuyện chuyên đề",
            "Tổ chức 12 buổi nói chuyện chuyên đề dưới cờ về phòng chống xâm hại, bạo lực học"
            " đường tại các trường THPT",
        ),
        (
            "UBND huyện Chợ Đồn",
            "Nói chuyện chuyên đề",
            "20 buổi nói chuyện chuyên đề tại 20 xã, thị trấn",
        ),
        (
            HLHPN,
            "Nói chuyện chuyên đề",
            "06 buổi đối thoại chính sách và 18 buổi nói chuyện chuyên đề tại cơ sở",
        ),
    ]


def test_render_group_keeps_each_point_in_its_own_words() -> None:
    (money, *_) = digest_section(DIFFICULTIES)
    assert digest.render_group(money) == (
        "Kinh phí còn hạn chế (Sở Lao động - Thương binh và Xã hội, UBND huyện Ba Bể, UBND huyện"
        " Chợ Mới). Nguồn lực vận động còn hạn chế (Hội Liên hiệp Phụ nữ tỉnh, Ủy ban Mặt trận Tổ"
        " quốc Việt Nam tỉnh). Kinh phí nhuận bút dành cho chuyên mục còn hạn chế (Báo Bắc Kạn)."
    )
    assert set(digest.ADDRESSEE_LABELS) == set(Addressee)


@pytest.mark.parametrize(
    ("point", "theme"),
    [
        ("Lễ phát động thu hút đông đảo cán bộ và nhân dân tham gia", "Khác"),
        ("Chuyên mục được đông đảo cán bộ, nhân dân truy cập", "Khác"),
        ("Cán bộ, đảng viên và nhân dân hưởng ứng tích cực", "Khác"),
        ("Cán bộ làm công tác bình đẳng giới kiêm nhiệm nhiều việc", "Cán bộ, nhân lực"),
        ("Cán bộ và nhân viên y tế còn thiếu", "Cán bộ, nhân lực"),
    ],
)
def test_the_public_reached_is_no_staff_point(point: str, theme: str) -> None:
    """Review 2026-12-02d: "cán bộ và nhân dân" is the public, not the staff."""
    assert theme_of(point) == theme
