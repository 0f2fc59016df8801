"""Every issue code thd can report: its severity and its Vietnamese message template.

The codes are stable identifiers (the README lists them; a test checks it does). Each message
says what is wrong and what to type instead.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from typing import Any

from thanghanhdong.model import Grid, Issue, Location, Severity

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Message:
    severity: Severity
    template: str
    meaning: str  # one line for the README
    # What is wrong, for the agency (reminder, Phụ lục II, the report's list of unusable
    # answers): a template over the message's own values, never the officer's files or cells.
    reason: str = ""
    # The same problem in a Word/PDF report (the issue's `address` is None: a document's table
    # has no cell), with its reason; "" when the template fits both. Its values may also use
    # {title}, the title of the `table` (a sheet name) in the plan's outline.
    document: str = ""
    document_reason: str = ""
    # The message as a letter to the agency says it (`in_letter`), when the officer's message
    # speaks of the officer's own report; "" when the message fits both.
    to_agency: str = ""


CATALOGUE: dict[str, Message] = {
    # File level
    "file_unsupported": Message(E, "", "Không phải tệp báo cáo (.csv...)."),
    "file_empty": Message(E, "", "Tệp rỗng (0 byte)."),
    "file_corrupt": Message(E, "", "Tệp hỏng, không mở được, hoặc bị đổi đuôi."),
    "file_password": Message(E, "", "Tệp có mật khẩu."),
    "file_not_spreadsheet": Message(E, "", "Tệp PowerPoint bị đổi tên thành tệp bảng tính."),
    "file_misnamed": Message(
        W,
        "Tên tệp {named}, nhưng tệp là {content}: thd đã đọc theo nội dung. Muốn mở tệp bằng "
        "cách bấm đúp, đổi tên cho tệp có đuôi {suffix}.",
        "Tên tệp thiếu đuôi hoặc sai đuôi so với nội dung (thd đọc theo nội dung).",
        reason="Tên tệp không đúng loại tệp: tệp là {content}",
    ),
    "file_too_large": Message(E, "", "Tệp quá lớn hoặc giải nén ra quá lớn (nghi tệp độc hại)."),
    "file_unreadable": Message(E, "", "Hệ điều hành không cho đọc tệp."),
    "file_not_read": Message(E, "", "thd gặp lỗi khi đọc tệp (các tệp khác vẫn được kiểm tra)."),
    "file_needs_docx": Message(
        E, "", "Tệp .doc/.rtf/.odt không chuyển được sang .docx (cần LibreOffice)."
    ),
    "file_archive_unsupported": Message(
        E,
        "",
        "Tệp nén .rar/.7z (nhận ra theo nội dung hoặc đuôi): thd không mở; gửi lại tệp Excel/Word hoặc giải nén.",
    ),
    "not_a_form": Message(
        W,
        "Không phải báo cáo Tháng hành động (không thấy các bảng số liệu của mẫu): tệp được liệt "
        "kê, không tính vào tổng hợp. Nếu đây là báo cáo của một đơn vị, đề nghị đơn vị điền vào "
        "mẫu Excel đã gửi.",
        "Không phải báo cáo (không có bảng số liệu của mẫu): liệt kê, không tính.",
        reason="Không phải báo cáo Tháng hành động (không thấy các bảng số liệu của mẫu)",
    ),
    "wrong_campaign": Message(
        E,
        "Mẫu của đợt khác (năm {year}, mã đợt {campaign}); đợt này là năm {expected_year} "
        "(mã {expected}): đề nghị đơn vị dùng mẫu năm {expected_year}.",
        "Mẫu của năm hoặc đợt báo cáo khác.",
        # Phụ lục II and the letters: in words, no campaign codes (trial 2026-12-01e).
        reason="Gửi nhầm mẫu báo cáo năm {year}, không phải mẫu của đợt này (năm {expected_year})",
    ),
    "wrong_version": Message(
        E,
        "Mẫu phiên bản {version} không còn dùng: đề nghị đơn vị dùng mẫu mới.",
        "Phiên bản mẫu không đúng.",
        reason="Mẫu phiên bản {version} không còn dùng",
    ),
    "unknown_agency": Message(
        E,
        "Không nhận ra đơn vị “{name}” trong danh sách đơn vị báo cáo: kiểm tra tên đơn vị hoặc "
        "thêm đơn vị vào thd.toml.",
        "Đơn vị không có trong danh sách (thd.toml).",
        reason="Không nhận ra đơn vị “{name}” trong danh sách đơn vị báo cáo",
    ),
    "agency_not_named": Message(
        E,
        "Chưa ghi tên đơn vị: ghi tên đơn vị vào báo cáo như trong danh sách đơn vị báo cáo "
        "(thd.toml) rồi chạy lại.",
        "Báo cáo chưa ghi tên đơn vị (không biết của đơn vị nào).",
        reason="Chưa ghi tên đơn vị",
    ),
    "unknown_agency_close": Message(
        E,
        "Không nhận ra đơn vị “{name}”{where} trong danh sách đơn vị báo cáo. Tên gần nhất trong "
        "danh sách: {names}. Nếu đúng là một trong các đơn vị đó, sửa tên trong tệp hoặc thêm "
        "tên này vào aliases của đơn vị đó trong thd.toml.",
        "Tên đơn vị không khớp danh sách; thd nêu các tên gần nhất.",
        reason="Không nhận ra đơn vị “{name}”{where} trong danh sách đơn vị báo cáo",
    ),
    "form_retyped": Message(
        W,
        "Tệp không còn thông tin nhận dạng của mẫu (có thể đã gõ lại hoặc chép sang tệp khác); "
        "đã nhận ra đơn vị “{name}” theo tên ghi trong tệp.",
        "Mẫu bị gõ lại/chép sang tệp khác; đơn vị được nhận ra theo tên.",
        reason="Tệp không còn thông tin nhận dạng của mẫu (có thể đã gõ lại hoặc chép sang tệp khác); đã nhận ra đơn vị “{name}” theo tên ghi trong tệp",
    ),
    "empty_form": Message(
        E,
        "Mẫu chưa điền gì (không có số liệu, nội dung hay ngày báo cáo): đề nghị đơn vị điền rồi gửi lại.",
        "Mẫu gửi về còn để trống.",
        reason="Mẫu chưa điền gì (không có số liệu, nội dung hay ngày báo cáo)",
    ),
    "extra_table_sheet": Message(
        E,
        "Có một bảng “{table}” nữa ở trang “{sheet_name}”, ô {address}, ngoài chỗ của nó trong mẫu nên "
        "không được đọc: chép các dòng của bảng này vào trang “{table}” (được chèn thêm dòng) rồi "
        "xóa bảng thừa.",
        "Một bảng số liệu nằm ngoài chỗ của nó trong mẫu (không được đọc).",
        reason="Một bảng số liệu nằm ngoài chỗ của nó trong mẫu (không được đọc)",
        # A Word/PDF report's table has no cell address: said in the document's terms (no
        # sheet, no "ô", no rows to insert), the table named by its title (trial 2026-12-01k).
        document="Báo cáo có thêm một bảng “{title}” ({sheet_name}) ngoài bảng đã đọc nên "
        "bảng này không được đọc: gộp các dòng của bảng này vào bảng “{title}” đã đọc rồi xóa "
        "bảng thừa.",
        document_reason="Báo cáo có hai bảng “{title}”, bảng thứ hai không được đọc",
    ),
    "document_two_agencies": Message(
        E,
        "Tệp có báo cáo của {count} đơn vị ({names}): không đọc tệp này, vì số liệu của đơn vị "
        "này không được tính cho đơn vị kia. Đề nghị gửi mỗi đơn vị một tệp (tách tệp PDF theo "
        "trang, hoặc gửi lại bản của từng đơn vị).",
        "Một tệp PDF có báo cáo của hai đơn vị trở lên (ghép tệp): không đọc, cần mỗi đơn vị một tệp.",
        reason="Tệp có báo cáo của {count} đơn vị ({names}), cần gửi mỗi đơn vị một tệp",
    ),
    "document_reports_read_apart": Message(
        W,
        "{joined} thd đã đọc riêng báo cáo này từ các trang của nó; đề nghị đơn vị gửi lại "
        "một tệp riêng khi có thể.",
        "Một tệp PDF ghép báo cáo của nhiều đơn vị: mỗi báo cáo được đọc riêng từ các trang của "
        "nó, tính cho đơn vị ghi ở phần đầu của nó.",
        reason="Báo cáo nằm trong một tệp PDF ghép báo cáo của nhiều đơn vị, được đọc riêng",
    ),
    "duplicate_agency": Message(
        E,
        "Đơn vị “{name}” có nhiều báo cáo: {files}.{differences} Giữ lại một tệp đúng nhất, "
        "chuyển các tệp kia ra khỏi thư mục (hoặc chạy với --latest để dùng báo cáo mới nhất).",
        "Hai tệp trở lên của cùng một đơn vị.",
        # Said to the agency itself (letters) and of it (Phụ lục II): no third-person name.
        reason="Đã gửi nhiều báo cáo khác nhau, chưa rõ dùng bản nào",
    ),
    "file_name_other_agency": Message(
        W,
        "Tên tệp mang tên “{other}” nhưng báo cáo trong tệp là của “{agency}” (mẫu và tên đơn vị "
        "ghi trong tệp): có thể {other} đã điền nhầm vào mẫu của {agency}. Hỏi lại hai đơn vị "
        "trước khi chọn tệp giữ lại.",
        "Tên tệp mang tên một đơn vị khác với báo cáo trong tệp.",
        reason="Tên tệp mang tên “{other}” nhưng báo cáo trong tệp là của “{agency}”",
    ),
    "rollup_overlap": Message(
        E,
        "Đơn vị “{name}” có trong tệp tổng hợp {rollup} và cả trong {other}: số liệu sẽ bị cộng "
        "hai lần. Giữ một trong hai, chuyển tệp kia ra khỏi thư mục.",
        "Một đơn vị có mặt cả trực tiếp lẫn trong tệp tổng hợp của cấp dưới (cộng hai lần).",
        reason="Một đơn vị có mặt cả trực tiếp lẫn trong tệp tổng hợp của cấp dưới (cộng hai lần)",
    ),
    "rollup_unreadable": Message(
        E,
        "{message}",
        "Tệp .json không phải tệp số liệu tổng hợp của thd, hoặc của phiên bản khác.",
        reason="Tệp .json không phải tệp số liệu tổng hợp của thd, hoặc của phiên bản khác",
    ),
    "resubmission_used": Message(
        W,
        "Đơn vị “{name}” gửi lại báo cáo: dùng tệp này ({date}), để riêng {others} (--latest).",
        "Đơn vị gửi lại báo cáo: dùng bản mới nhất (--latest), để riêng bản cũ.",
        reason="Đơn vị “{name}” gửi lại báo cáo",
    ),
    "versions_differ": Message(
        W,
        "Các bản khác của cùng báo cáo ({others}) có số liệu khác bản này: {differences}. Đã "
        "dùng bản này ({kind}); đề nghị đơn vị xác nhận số liệu đúng.",
        "Bản Word/PDF gửi kèm có số liệu khác bản được dùng.",
        reason="Bản Word/PDF gửi kèm có số liệu khác bản được dùng",
    ),
    "scanned_answer": Message(
        W,
        "Đơn vị đã gửi bản {kind} không có chữ để đọc (ảnh chụp/bản quét), cần nhập số liệu: "
        "nhập số liệu vào mẫu Excel trống của đơn vị (thd generate-templates --agency {agency_code}) "
        "rồi chép vào thư mục nhận; mẫu đó và tệp này được tính là một báo cáo.",
        "Bản PDF/ảnh chụp không có chữ: đơn vị đã gửi, cần nhập số liệu vào mẫu.",
        reason="Đơn vị đã gửi bản {kind} không có chữ để đọc (ảnh chụp/bản quét), cần nhập số liệu",
    ),
    "scanned_unknown": Message(
        E,
        "Tệp {kind} không có chữ để đọc (ảnh chụp/bản quét) và không nhận ra đơn vị từ tên "
        "tệp: đổi tên tệp theo tên đơn vị (ví dụ “So Y te.pdf”), hoặc nhập số liệu vào mẫu "
        "Excel của đơn vị rồi chép vào thư mục nhận.",
        "Bản PDF/ảnh chụp không có chữ, không nhận ra đơn vị.",
        reason="Tệp {kind} không có chữ để đọc (ảnh chụp/bản quét) và không nhận ra đơn vị từ tên tệp",
    ),
    "late_received": Message(
        W,
        "Thư điện tử gửi báo cáo đến ngày {date}, sau hạn {deadline} (tính theo ngày nhận thư; "
        "ngày ghi trên báo cáo: {report_date}).",
        "Thư điện tử gửi báo cáo đến sau hạn (tính theo ngày nhận thư).",
        reason="Thư điện tử gửi báo cáo đến ngày {date}, sau hạn {deadline} (tính theo ngày nhận thư; ngày ghi trên báo cáo: {report_date})",
    ),
    "nested_archive": Message(
        E,
        "Tệp nén nằm trong tệp nén khác ({name}): thd không mở tệp nén lồng nhau; giải nén "
        "ra thư mục nhận rồi chạy lại.",
        "Tệp nén nằm trong tệp nén khác (không mở).",
        reason="Tệp nén nằm trong tệp nén khác ({name})",
    ),
    "sender_other_agency": Message(
        W,
        "Thư gửi từ địa chỉ thư điện tử của {sender_agency} ({address}) nhưng báo cáo ghi tên "
        "{agency}: báo cáo được tính là của {agency} (có thể văn thư gửi hộ). Nếu gửi nhầm "
        "tệp, đề nghị {sender_agency} gửi lại báo cáo của mình.",
        "Thư gửi từ địa chỉ của đơn vị khác với đơn vị ghi trong báo cáo (tính theo báo cáo).",
        reason="Thư gửi từ địa chỉ thư điện tử của {sender_agency} nhưng báo cáo ghi tên {agency}",
    ),
    "mail_tnef": Message(
        E,
        "Tệp đính kèm nằm trong winmail.dat: Outlook gửi thư ở định dạng Rich Text nên gói mọi "
        "tệp đính kèm vào đó, thd không mở được. Đề nghị đơn vị gửi lại báo cáo là tệp đính kèm "
        "thường (trong Outlook chọn định dạng thư HTML hoặc Văn bản thuần, không chọn Rich Text).",
        "Tệp đính kèm gói trong winmail.dat của Outlook (không mở được).",
        reason="Tệp đính kèm gói trong winmail.dat của Outlook, không mở được",
    ),
    "mail_encrypted": Message(
        E,
        "Thư được mã hóa (S/MIME, smime.p7m): chỉ người nhận có khóa giải mã mới mở được, thd "
        "không đọc được tệp đính kèm. Mở thư bằng chương trình thư đã cài chứng thư rồi lưu tệp "
        "đính kèm vào thư mục nhận, hoặc đề nghị đơn vị gửi lại thư không mã hóa.",
        "Thư được mã hóa S/MIME (không mở được).",
        reason="Thư được mã hóa, không mở được tệp đính kèm",
    ),
    "mail_without_report": Message(
        W,
        "Thư “{name}”{sender} không kèm tệp báo cáo nào: lưu các tệp đính kèm vào thư mục "
        "nhận, hoặc đề nghị đơn vị gửi lại thư có kèm báo cáo.",
        "Thư điện tử không kèm tệp báo cáo.",
        reason="Thư điện tử không kèm tệp báo cáo nào",
    ),
    "mail_body_report": Message(
        E,
        "Báo cáo ghi trong thân thư, không kèm tệp (thư gửi từ {address}, địa chỉ của "
        "{agency}): thd không đọc số liệu trong thân thư. Đề nghị {agency} điền mẫu báo cáo "
        "đã gửi và gửi lại là tệp đính kèm.",
        "Báo cáo ghi trong thân thư, không kèm tệp (thư từ địa chỉ của một đơn vị trong danh "
        "sách): đơn vị “đã gửi, chưa hợp lệ”, cần gửi lại bằng mẫu báo cáo.",
        reason="Báo cáo ghi trong thân thư điện tử, chưa gửi bằng tệp theo mẫu báo cáo",
    ),
    "mail_forwarded_original": Message(
        W,
        "Tệp “{name}”: {why} — không phải báo cáo của đơn vị nào, không tính.",
        "Tệp trong thư gốc được chuyển tiếp kèm theo (thư của cơ quan tổng hợp gửi đi, hoặc "
        "mẫu còn trống): không tính, không ghi cho đơn vị nào.",
        reason="Thư của cơ quan tổng hợp gửi đi, không tính",
    ),
    "table_missing": Message(
        E,
        "Không tìm thấy bảng “{table}” (trang hoặc dòng tiêu đề đã bị xóa/sửa): đề nghị đơn vị "
        "dùng lại mẫu gốc.",
        "Thiếu một bảng số liệu hoặc dòng tiêu đề của nó.",
        reason="Không tìm thấy bảng “{table}” (trang hoặc dòng tiêu đề đã bị xóa/sửa)",
    ),
    "table_absent": Message(
        W,
        "Báo cáo không có bảng “{table}”: coi như đơn vị không có số liệu của bảng này; nếu "
        "có, đề nghị đơn vị bổ sung.",
        "Mẫu bị xóa trang của một bảng, mẫu gõ lại hoặc báo cáo Word/PDF không có một bảng số "
        "liệu (có các bảng khác): coi như đơn vị không có số liệu của bảng đó; không cảnh báo "
        "khi mục của bảng ghi “Không ...”.",
        reason="Báo cáo không có bảng “{table}”",
    ),
    "table_unruled": Message(
        E,
        "Bảng “{table}” {how}, nên thd không đọc được chắc chắn số liệu của bảng (số có thể lệch "
        "cột, dòng bị gộp hay tách): số liệu của bảng này chưa được tính. Đề nghị đơn vị {fix}",
        "Bảng số liệu của báo cáo PDF in không đủ đường kẻ ô (bảng bỏ đường viền, chỉ kẻ khung "
        "ngoài, chỉ kẻ ngang hay chỉ kẻ dọc) hoặc của báo cáo Word gõ bằng dấu Tab/dấu cách: không đọc, không "
        "tính (không bao giờ coi là “không có số liệu”); đề nghị gửi bản Word, kẻ bảng hoặc điền "
        "mẫu Excel.",
        reason="Bảng “{table}” {how}, nên không đọc được số liệu",
    ),
    "missing_column": Message(
        E,
        "Bảng “{table}” thiếu cột {columns} (cột đã bị xóa hoặc sửa tiêu đề) nên không đọc được "
        "bảng này: đề nghị đơn vị dùng lại mẫu gốc, hoặc thêm lại cột với đúng tiêu đề.",
        "Bảng số liệu thiếu một cột của mẫu (đã bị xóa hoặc sửa tiêu đề).",
        reason="Bảng “{table}” thiếu cột {columns} (cột đã bị xóa hoặc sửa tiêu đề) nên không đọc được bảng này",
    ),
    # Header
    "form_of_other_agency": Message(
        W,
        "Tệp là mẫu gửi cho “{owner}” nhưng tên đơn vị và tên tệp đều là của “{name}”: thd "
        "tính là báo cáo của {name}. Nếu đúng là báo cáo của {owner}, sửa lại tên đơn vị ở ô "
        "này.",
        "Báo cáo điền vào mẫu của đơn vị khác.",
        reason="Tệp là mẫu gửi cho “{owner}” nhưng tên đơn vị ghi là “{name}”",
    ),
    "form_agency_unclear": Message(
        E,
        "Tệp là mẫu gửi cho “{owner}” nhưng tên đơn vị ghi là “{name}”: chưa rõ là báo cáo của "
        "đơn vị nào. Hỏi lại đơn vị: nếu là của {owner}, sửa tên đơn vị ở ô này; nếu là của "
        "{name}, đổi tên tệp cho có tên {name} (thd sẽ tính là báo cáo của {name}).",
        "Mẫu của một đơn vị ghi tên một đơn vị khác, chưa rõ của ai.",
        reason="Tệp là mẫu gửi cho “{owner}” nhưng tên đơn vị ghi là “{name}”",
    ),
    "agency_name_mismatch": Message(
        W,
        "Tên đơn vị ghi “{name}” khác tên trong danh sách “{expected}”: kiểm tra lại.",
        "Tên đơn vị ghi trong tệp khác tên trong danh sách.",
        reason="Tên đơn vị ghi “{name}” khác tên trong danh sách “{expected}”",
    ),
    "missing_report_date": Message(
        W,
        "Chưa ghi ngày báo cáo: gõ ngày ký báo cáo, ví dụ {example_date}.",
        "Thiếu ngày báo cáo.",
        reason="Chưa ghi ngày báo cáo",
    ),
    "invalid_date": Message(
        W,
        "Ngày báo cáo “{value}” không đọc được: gõ dạng ngày/tháng/năm, ví dụ {example_date}.",
        "Ngày báo cáo sai dạng.",
        reason="Ngày báo cáo “{value}” không đọc được",
    ),
    "date_without_year": Message(
        W,
        "Ngày báo cáo “{value}” không ghi năm: thd đọc là ngày {date} (năm của Tháng hành động). "
        "Nếu không đúng, đề nghị đơn vị ghi đủ ngày/tháng/năm.",
        "Ngày báo cáo không ghi năm: đọc theo năm của Tháng hành động.",
        reason="Ngày báo cáo “{value}” không ghi năm",
    ),
    "late_report": Message(
        W,
        "Báo cáo ngày {date}, sau hạn {deadline}: ghi nhận nộp muộn.",
        "Báo cáo sau hạn (nộp muộn).",
        reason="Báo cáo ngày {date}, sau hạn {deadline}",
    ),
    "early_report": Message(
        W,
        "Ngày báo cáo {date} trước khi bắt đầu Tháng hành động ({start}): kiểm tra lại năm và ngày.",
        "Ngày báo cáo trước thời gian thực hiện.",
        reason="Ngày báo cáo {date} trước khi bắt đầu Tháng hành động ({start})",
    ),
    "missing_signer": Message(
        W,
        "Chưa ghi họ và tên người ký báo cáo.",
        "Thiếu người ký.",
        reason="Chưa ghi họ và tên người ký báo cáo",
    ),
    "empty_narrative": Message(
        W,
        "Mục “{section}” để trống: đề nghị đơn vị bổ sung nội dung.",
        "Mục báo cáo bằng lời văn để trống.",
        reason="Mục “{section}” để trống",
    ),
    # Cells
    "not_a_number": Message(
        E,
        "“{value}” không phải là số: chỉ gõ chữ số, không kèm chữ (ví dụ 15, không gõ "
        "“khoảng 15”); không có thì ghi 0.",
        "Ô số chứa chữ (“khoảng 300”, “30 người” ở cột Số cuộc).",
        reason="“{value}” không phải là số",
    ),
    "several_numbers": Message(
        E,
        "Ô ghi nhiều số ({figures}, cách nhau bằng dấu cách hoặc xuống dòng), không phải một số: "
        "có thể là số của hai dòng gộp vào một ô. Mỗi dòng của bảng ghi một nội dung, mỗi ô một "
        "số; số có hàng nghìn gõ liền (1500) hoặc có dấu chấm (1.500).",
        "Ô số ghi nhiều số (“3 2”, “60” xuống dòng “45”: số của hai dòng gộp vào một ô): không "
        "đọc (không bao giờ ghép thành 32); “1 200” (dấu cách giữa các nhóm ba chữ số) vẫn là 1200.",
        reason="Ô ghi nhiều số ({figures}), không phải một số",
    ),
    "unit_number": Message(
        W,
        "“{value}” có ghi kèm đơn vị; đã hiểu là {number} (bỏ chữ “{unit}”). Nên chỉ gõ chữ số: "
        "{number}.",
        "Số ghi kèm đơn vị của cột (“30 người”, “2 buổi”, “1.200 lượt”): đọc số, có cảnh báo.",
        reason="“{value}” có ghi kèm đơn vị; đã hiểu là {number}",
    ),
    # A figure cell formatted as a date (Định dạng ô > Ngày): the number it holds is read.
    "date_formatted_number": Message(
        W,
        "Ô định dạng kiểu ngày nên hiện “{shown}”; đã hiểu là số {value} (số gõ vào ô). Nên đổi "
        "định dạng ô thành Số (Format Cells > Number).",
        "Ô số liệu định dạng kiểu ngày (gõ 30 hiện “30/01/1900”): đọc số gõ vào ô.",
        reason="Ô định dạng kiểu ngày nên hiện “{shown}”; đã hiểu là số {value}",
    ),
    "date_in_number": Message(
        E,
        "Ô số liệu ghi ngày “{shown}”{serial}: gõ số (số cuộc, số lượng, số người) và đổi định "
        "dạng ô thành Số (Format Cells > Number).",
        "Ô số liệu chứa một ngày (gõ ngày nhầm cột, hoặc ô định dạng kiểu ngày).",
        reason="Ô số liệu ghi ngày “{shown}”",
    ),
    "negative_number": Message(
        E, "Số âm “{value}”: gõ số không âm.", "Số âm.", reason="Số âm “{value}”"
    ),
    # `what`: the text as typed ("“1,5” là số thập phân"), or the number a cell stored ("Ô ghi
    # số thập phân “1,5”": "1.500" typed where the dot is the decimal point); `advice` to match.
    "decimal_number": Message(
        E,
        "{what}: số cuộc, số lượng, số người, số tiền phải là số nguyên ({advice}).",
        "Số thập phân.",
        reason="{what}",
    ),
    "number_too_large": Message(
        E,
        "Số “{value}” quá lớn, không hợp lý: kiểm tra lại.",
        "Số quá lớn (trên 10^12).",
        reason="Số “{value}” quá lớn, không hợp lý",
    ),
    "text_number": Message(
        W,
        "“{value}” được gõ dạng chữ; đã hiểu là {number} (dấu chấm là dấu phân cách hàng nghìn). "
        "Nên gõ liền: {number}.",
        "Số gõ dạng chữ có dấu chấm hàng nghìn (“1.234” hiểu là 1234).",
        reason="“{value}” được gõ dạng chữ; đã hiểu là {number} (dấu chấm là dấu phân cách hàng nghìn)",
    ),
    "dash_number": Message(
        W,
        "“{value}” được hiểu là 0 (không có). Nên gõ số 0.",
        "Ô số ghi “-” (không có): hiểu là 0.",
        reason="“{value}” được hiểu là 0 (không có)",
    ),
    "level_from_heading": Message(
        W,
        "Các dòng dưới dòng tiêu đề “{heading}” để trống cột Cấp triển khai: đã hiểu là cấp "
        "“{level}” theo tiêu đề. Nên ghi cấp vào từng dòng.",
        "Cấp triển khai để trống dưới tiêu đề “Cấp xã”: lấy cấp của tiêu đề.",
        reason="Các dòng dưới tiêu đề “{heading}” không ghi cấp triển khai",
    ),
    "invalid_level": Message(
        E,
        "Cấp triển khai “{value}” {why}: chọn {levels}.",
        "Cấp triển khai không có trong danh sách.",
        reason="Cấp triển khai “{value}” {why}",
    ),
    "missing_level": Message(
        E,
        "Dòng “{item}” chưa chọn cấp triển khai: chọn {levels}.",
        "Thiếu cấp triển khai.",
        reason="Dòng “{item}” chưa chọn cấp triển khai",
    ),
    "item_of_other_table": Message(
        W,
        "“{item}” là nội dung của bảng “{table}”, không phải của bảng này: kiểm tra lại dòng "
        "này (có thể chép nhầm từ bảng kia; thd vẫn tính ở bảng này).",
        "Dòng ghi nội dung của bảng khác (có thể chép nhầm).",
        reason="“{item}” là nội dung của bảng “{table}”, không phải của bảng này",
    ),
    "several_items": Message(
        E,
        "Một ô ghi {count} nội dung ({items}) nhưng chỉ có một dòng số liệu: tách thành {count} "
        "dòng, mỗi dòng một nội dung với số liệu của nó.",
        "Nhiều nội dung trong một ô.",
        reason="Một ô ghi {count} nội dung ({items}) nhưng chỉ có một dòng số liệu",
    ),
    "missing_item": Message(
        E,
        "Dòng có số liệu nhưng chưa ghi tên ({label}): ghi tên hoặc xóa số liệu.",
        "Có số liệu nhưng thiếu tên.",
        reason="Dòng có số liệu nhưng chưa ghi tên ({label})",
    ),
    "missing_numbers": Message(
        E,
        "Dòng “{item}” chưa có số liệu: ghi {label} và số người, hoặc xóa dòng.",
        "Có tên nhưng thiếu số liệu.",
        reason="Dòng “{item}” chưa có số liệu",
    ),
    "totals_row": Message(
        W,
        "Dòng tổng cộng không được tính (thd tự cộng); có thể xóa dòng này.",
        "Dòng tổng cộng (bỏ qua, khớp tổng).",
        reason="Dòng tổng cộng không được tính (thd tự cộng); có thể xóa dòng này",
    ),
    "rows_below_total": Message(
        W,
        "Dòng {rows} nằm dưới dòng tổng cộng (dòng {total_row}) và vẫn được cộng: dòng tổng cộng "
        "ghi {typed}, các dòng bên trên cộng được {above}, cộng cả các dòng bên dưới được "
        "{computed}. Kiểm tra các dòng dưới dòng tổng cộng có phải số liệu của đơn vị không "
        "(nếu không phải thì xóa đi).",
        "Có dòng số liệu nằm dưới dòng “Tổng cộng”: vẫn được cộng, nêu tên các dòng.",
        reason="Dòng {rows} nằm dưới dòng tổng cộng (dòng {total_row}) và vẫn được cộng",
    ),
    "totals_mismatch": Message(
        W,
        "Dòng tổng cộng ghi {typed} nhưng cộng các dòng được {computed}: dòng tổng không được tính, "
        "kiểm tra lại số liệu các dòng.",
        "Dòng tổng cộng lệch với tổng các dòng (bỏ qua).",
        reason="Dòng tổng cộng ghi {typed} nhưng cộng các dòng được {computed}",
    ),
    "duplicate_row": Message(
        W,
        "Có {count} dòng trùng nội dung và cấp với một dòng trước (dòng {rows}; “{item}” cấp "
        "{level} đã có ở dòng {first}): các dòng đều được cộng; nếu là cùng một hoạt động, "
        "xóa bớt dòng.",
        "Cùng nội dung và cấp xuất hiện nhiều lần (đều được cộng; một cảnh báo cho cả bảng).",
        reason="Có {count} dòng trùng nội dung và cấp với một dòng trước (dòng {rows}; “{item}” cấp {level} đã có ở dòng {first})",
    ),
    "blank_figures": Message(
        W,
        "{rows} có số liệu nhưng để trống {columns}: ô trống không được cộng vào tổng; trong "
        "báo cáo tổng hợp, tổng có ô trống được đánh dấu “*” (chưa đủ), số không đơn vị nào ghi thì để “—”. "
        "Có số thì ghi; chỉ ghi 0 khi đúng là không có ai; không biết số thì để trống.",
        "Dòng có số liệu nhưng để trống ô số khác (ô trống không được cộng, tổng đánh dấu “*” "
        "là chưa đủ; một cảnh báo cho cả bảng).",
        reason="{rows} có số liệu nhưng để trống {columns}",
        to_agency="{rows} có số liệu nhưng để trống {columns}: ô trống không được cộng vào tổng. "
        "Có số thì ghi; chỉ ghi 0 khi đúng là không có ai; không biết số thì để trống.",
    ),
    "formula_not_computed": Message(
        E,
        "Ô có công thức chưa được tính (={formula}): mở tệp bằng Excel/LibreOffice rồi lưu lại, "
        "hoặc gõ thẳng số vào ô.",
        "Ô có công thức chưa được tính (tệp do một chương trình ghi, chưa mở bằng Excel).",
        reason="Ô có công thức chưa được tính (={formula})",
    ),
    "error_value": Message(
        E,
        "Ô có giá trị lỗi {value} (công thức tính sai): sửa công thức hoặc gõ thẳng số vào ô.",
        "Ô chứa giá trị lỗi của công thức (#REF!, #DIV/0!, #VALUE!, #N/A, #NAME?).",
        reason="Ô có giá trị lỗi {value} (công thức tính sai)",
    ),
    "merged_figures": Message(
        E,
        "Số ở ô gộp {range} (gộp qua nhiều cột): tách số nam và nữ, mỗi ô một số.",
        "Một số gộp qua các cột Nam và Nữ (không tách được nam, nữ).",
        reason="Một số gộp qua các cột Nam và Nữ (không tách được nam, nữ)",
    ),
    "merged_number": Message(
        E,
        "Ô số nằm trong ô gộp {range} (gộp nhiều dòng): bỏ gộp ô, ghi số của từng dòng.",
        "Ô số gộp qua nhiều dòng (không biết số của từng dòng).",
        reason="Ô số gộp qua nhiều dòng (không biết số của từng dòng)",
    ),
    "merged_level": Message(
        W,
        "Ô {label} gộp qua các dòng {range}: đã hiểu “{value}” cho từng dòng; kiểm tra lại.",
        "Cấp triển khai (hoặc tên) gộp qua nhiều dòng: áp dụng cho từng dòng.",
        reason="Ô {label} gộp qua các dòng {range}",
    ),
    "hidden_rows": Message(
        W,
        "Bảng có dòng bị ẩn hoặc lọc mà vẫn có số liệu (dòng {rows}): các dòng này vẫn được "
        "cộng; bỏ ẩn để kiểm tra lại.",
        "Dòng bị ẩn hoặc bị lọc có số liệu (vẫn được cộng).",
        reason="Bảng có dòng bị ẩn hoặc lọc mà vẫn có số liệu (dòng {rows})",
    ),
    "subtotal_row": Message(
        W,
        "Dòng “{item}” là dòng cộng ({how}): không cộng thêm lần nữa.",
        "Dòng cộng, cộng cấp, tổng số do đơn vị tự thêm: không tính hai lần.",
        reason="Dòng “{item}” là dòng cộng ({how})",
    ),
    "parent_row": Message(
        W,
        "Dòng “{item}” bằng tổng các dòng chi tiết bên dưới ({children}): chỉ cộng các dòng chi "
        "tiết.",
        "Dòng mục lớn bằng tổng các dòng con (STT 1 / 1.1, a / b, “-”): chỉ cộng các dòng con.",
        reason="Dòng “{item}” bằng tổng các dòng chi tiết bên dưới ({children})",
    ),
    "info_sheet_missing": Message(
        E,
        "Tệp không còn trang “{sheet_name}” (ngày báo cáo, người ký, kinh phí, lời văn): đề nghị đơn "
        "vị dùng lại mẫu gốc.",
        "Mẫu thiếu trang Thông tin chung (bị xóa hoặc đổi tên mà không tìm thấy các mục).",
        reason="Tệp không còn trang “{sheet_name}” (ngày báo cáo, người ký, kinh phí, lời văn)",
    ),
    "budget_text": Message(
        W,
        "Kinh phí gõ dạng chữ “{value}”: đã hiểu là {amount} đồng. Nên gõ liền chữ số: {number}.",
        "Kinh phí gõ kèm đơn vị (“8.500.000 đồng”, “15 triệu đồng”, “15tr5”, “15 triệu 500 nghìn”): "
        "đã hiểu ra đồng.",
        reason="Kinh phí gõ dạng chữ “{value}”",
    ),
    "budget_not_read": Message(
        E,
        "Kinh phí “{written}” không đọc được thành số tiền: ghi bằng chữ số, ví dụ 15500000, "
        "“15.500.000 đồng” hoặc “15,5 triệu đồng” (không viết bằng chữ như “mười lăm triệu”).",
        "Kinh phí viết bằng chữ hoặc ghi nhiều đơn vị không rõ (“mười lăm triệu”, “15tr5000”).",
        reason="Kinh phí “{written}” không đọc được thành số tiền",
    ),
    "budget_not_found": Message(
        W,
        "Không tìm thấy mục kinh phí trong tệp: kinh phí của đơn vị chưa được tính; đề nghị "
        "đơn vị ghi “Ngân sách nhà nước: ... đồng”.",
        "Mẫu gõ lại không có mục kinh phí (không tìm thấy mục kinh phí).",
        reason="Không tìm thấy mục kinh phí trong tệp",
    ),
    "budget_unsplit": Message(
        W,
        "Kinh phí chỉ ghi tổng số {amount} đồng, không tách ngân sách nhà nước và vận động: đã "
        "cộng vào tổng kinh phí, báo cáo ghi là không tách theo nguồn.",
        "Kinh phí chỉ ghi tổng số (“Tổng kinh phí 40 triệu đồng”): đã cộng vào tổng kinh phí, "
        "báo cáo ghi là không tách theo nguồn.",
        reason="Kinh phí chỉ ghi tổng số {amount} đồng, không tách theo nguồn",
    ),
    "budget_total_differs": Message(
        W,
        "Tổng kinh phí ghi {total} đồng, khác tổng của ngân sách nhà nước và vận động ({split} "
        "đồng): đã dùng số theo từng nguồn; kiểm tra lại.",
        "Tổng kinh phí ghi khác tổng của ngân sách nhà nước và vận động: đã dùng số theo từng "
        "nguồn.",
        reason="Tổng kinh phí {total} đồng khác tổng theo nguồn {split} đồng",
    ),
    "budget_unit": Message(
        W,
        "Kinh phí ghi theo đơn vị “{unit}”: đã hiểu {value} {unit} là {amount} đồng; kiểm tra lại.",
        "Kinh phí ghi bằng triệu đồng/nghìn đồng: đã đổi ra đồng.",
        reason="Kinh phí ghi theo đơn vị “{unit}”",
    ),
    "implausible_budget": Message(
        W,
        "Kinh phí {value} đồng, dưới 1.000 đồng: có thể đã ghi theo triệu hoặc nghìn đồng; ghi "
        "rõ số tiền bằng đồng.",
        "Kinh phí dưới 1.000 đồng (có thể ghi nhầm đơn vị).",
        reason="Kinh phí {value} đồng, dưới 1.000 đồng",
    ),
    "implausible_participants": Message(
        W,
        "{people} người cho {count} cuộc, trên {bound} người mỗi cuộc: kiểm tra lại số liệu.",
        "Số người bình quân một cuộc quá cao.",
        reason="{people} người cho {count} cuộc, trên {bound} người mỗi cuộc",
    ),
    "implausible_count": Message(
        W,
        "{label} {count} quá lớn cho một đơn vị trong một đợt (trên {bound}): nếu là lượt xem, "
        "lượt nghe, lượt tiếp cận thì ghi vào cột {people}; cột {label} chỉ ghi số {unit}. "
        "Nếu đúng là {count} thì giữ nguyên.",
        "Số lượng tin, bài hoặc sản phẩm quá lớn cho một đơn vị (có thể là lượt xem, lượt tiếp "
        "cận gõ nhầm cột): vẫn được cộng.",
        reason="{label} {count} quá lớn cho một đơn vị trong một đợt (trên {bound})",
    ),
    "implausible_reach": Message(
        W,
        "{people} người, vượt dân số toàn tỉnh ({population}): kiểm tra lại số liệu.",
        "Số người vượt dân số tỉnh.",
        reason="{people} người, vượt dân số toàn tỉnh ({population})",
    ),
    "legacy_encoding": Message(
        W,
        "Chữ gõ bằng bảng mã cũ {encoding} ({note}); nên gõ bằng bộ gõ Unicode (Unikey: bảng mã Unicode, font Times New Roman).",
        "Chữ gõ bằng bảng mã cũ TCVN3/VNI.",
        reason="Chữ gõ bằng bảng mã cũ {encoding} ({note}); nên gõ bằng bộ gõ Unicode (Unikey: bảng mã Unicode, font Times New Roman)",
    ),
    "comma_thousands": Message(
        W,
        "“{value}” có dấu phẩy ngăn cách hàng nghìn (cách in của máy đặt ngôn ngữ tiếng Anh); "
        "đã hiểu là {number}. Nên gõ liền: {number}.",
        "Số có dấu phẩy ngăn cách hàng nghìn (“1,100” hiểu là 1100; “1,5” vẫn là số thập phân).",
        reason="“{value}” có dấu phẩy ngăn cách hàng nghìn; đã hiểu là {number}",
    ),
    "resubmission_same_date": Message(
        W,
        "Đơn vị “{name}” gửi lại báo cáo, các bản cùng ngày ({date}): dùng tệp này vì {why}; để "
        "riêng {others} (--latest). Đề nghị đơn vị xác nhận bản này là bản đúng.",
        "Đơn vị gửi lại báo cáo cùng ngày: dùng tệp được lưu sau (--latest), để riêng tệp kia.",
        reason="Đơn vị “{name}” gửi lại báo cáo cùng ngày; dùng tệp được lưu sau",
    ),
    "rollup_with_own_form": Message(
        W,
        "Đơn vị gửi cả mẫu Excel của mình ({form}) và tệp số liệu tổng hợp này: {what}",
        "Đơn vị cấp dưới gửi cả mẫu Excel của mình và tệp số liệu tổng hợp: dùng sao cho mỗi số "
        "liệu được tính đúng một lần.",
        reason="Đơn vị gửi cả mẫu Excel của mình và tệp số liệu tổng hợp",
    ),
    "rollup_level_kept": Message(
        W,
        "Số liệu tổng hợp của đơn vị có cấp “{level}”, không có trong danh sách cấp của đợt "
        "này ({levels}): vẫn cộng, ghi là cấp {level}.",
        "Tệp số liệu tổng hợp của cấp dưới có cấp triển khai mà đợt này không có (“Huyện”): "
        "vẫn cộng, giữ nguyên cấp đó.",
        reason="Số liệu tổng hợp có cấp “{level}”, không có trong danh sách cấp của đợt này",
    ),
    "rollup_other_year": Message(
        E,
        "Tệp số liệu tổng hợp của năm {year} (mã đợt {campaign}), không phải của đợt này (năm "
        "{expected_year}): đơn vị gửi nhầm tệp của năm {year}. Đề nghị đơn vị tổng hợp lại các "
        "báo cáo năm {expected_year} bằng thd consolidate (với cấu hình năm {expected_year}) và "
        "gửi tệp số liệu mới.",
        "Tệp số liệu tổng hợp (.json) của năm khác: cấp dưới cần tổng hợp lại báo cáo năm nay.",
        reason="Tệp số liệu tổng hợp của năm {year}, không phải năm {expected_year}",
    ),
}


def render(code: str, **values: Any) -> tuple[Severity, str]:
    entry = CATALOGUE[code]
    if entry.document and "address" in values and values["address"] is None:
        return entry.severity, entry.document.format(title=_title(values.get("table")), **values)
    return entry.severity, entry.template.format(**values)


def _title(sheet: object) -> str:
    """A table's title in the report's outline ("1. Tổ chức các hoạt động hưởng ứng Tháng hành
    động"), from its sheet name ("1. Hoạt động")."""
    from thanghanhdong.form import TABLES

    titles = {t.sheet: f"{t.number}. {t.title.split(',')[0].strip()}" for t in TABLES}
    return titles.get(str(sheet), str(sheet))


# File-level problems: one code (the README's), several situations, each with its own sentence.
# variant -> (code, template, reason for the agency).
FILE_PROBLEMS: dict[str, tuple[str, str, str]] = {
    "unsupported": (
        "file_unsupported",
        "Tệp “{suffix}” không phải báo cáo thd đọc được. thd đọc tệp Excel (.xlsx, .xlsm, .xls), "
        ".ods, Word, PDF, thư điện tử .eml hoặc thư Outlook .msg và tệp .zip: đề nghị đơn vị gửi lại đúng mẫu Excel, hoặc chuyển tệp này ra khỏi thư mục.",
        "Tệp “{suffix}” không phải báo cáo thd đọc được",
    ),
    # Spreadsheets saved in a format calamine does not read: what to do, in the program's words.
    "excel_2003_xml": (
        "file_unsupported",
        "Tệp được lưu dạng “Bảng tính XML 2003” (XML Spreadsheet 2003, đuôi .xml), thd không "
        "đọc dạng này: đề nghị đơn vị mở tệp bằng Excel, chọn Tệp > Lưu thành > Sổ làm việc "
        "Excel (.xlsx) rồi gửi lại.",
        "Tệp được lưu dạng “Bảng tính XML 2003” (XML Spreadsheet 2003, đuôi .xml), thd không đọc dạng này",
    ),
    "xlsb": (
        "file_unsupported",
        "Tệp được lưu dạng “Sổ làm việc nhị phân Excel” (.xlsb), thd không đọc dạng này: đề "
        "nghị đơn vị mở tệp bằng Excel, chọn Tệp > Lưu thành > Sổ làm việc Excel (.xlsx) rồi "
        "gửi lại.",
        "Tệp được lưu dạng “Sổ làm việc nhị phân Excel” (.xlsb), thd không đọc dạng này",
    ),
    "gnumeric": (
        "file_unsupported",
        "Tệp được lưu dạng Gnumeric (.gnumeric), thd không đọc dạng này: đề nghị đơn vị mở tệp "
        "bằng Gnumeric, chọn Lưu thành > Excel 2007 (.xlsx) rồi gửi lại.",
        "Tệp được lưu dạng Gnumeric (.gnumeric), thd không đọc dạng này",
    ),
    "excel_95": (
        "file_unsupported",
        "Tệp được lưu dạng Excel 5.0/95 cũ nên đã mất dấu tiếng Việt (chữ thành “?”, ví dụ tên "
        "trang “{sheet}”): thd không tìm được các bảng; đề nghị đơn vị mở tệp gốc, lưu lại dạng "
        "Sổ làm việc Excel (.xlsx) rồi gửi lại.",
        "Tệp được lưu dạng Excel 5.0/95 cũ nên đã mất dấu tiếng Việt",
    ),
    "download_incomplete": (
        "file_unsupported",
        "Tệp tải về chưa xong (đuôi {suffix}: trình duyệt còn đang tải, hoặc đã dừng giữa "
        "chừng): tải lại tệp đính kèm từ thư, rồi xóa tệp này khỏi thư mục.",
        "Tệp tải về chưa xong",
    ),
    "empty": (
        "file_empty",
        "Tệp rỗng (0 byte), có thể do tải thư điện tử bị lỗi: đề nghị đơn vị gửi lại.",
        "Tệp rỗng (0 byte), có thể do tải thư điện tử bị lỗi",
    ),
    "too_large": (
        "file_too_large",
        "Tệp quá lớn ({megabytes} MB) so với một mẫu báo cáo: đề nghị đơn vị kiểm tra và gửi lại.",
        "Tệp quá lớn ({megabytes} MB) so với một mẫu báo cáo",
    ),
    "unpacks_too_large": (
        "file_too_large",
        "Tệp khai báo {megabytes} MB dữ liệu khi giải nén, quá lớn so với một mẫu báo cáo (có "
        "thể là tệp độc hại): không đọc tệp này; đề nghị đơn vị gửi lại.",
        "Tệp khai báo {megabytes} MB dữ liệu khi giải nén, quá lớn so với một mẫu báo cáo (có thể là tệp độc hại)",
    ),
    "too_many_cells": (
        "file_too_large",
        "Tệp {where} (khoảng {millions} triệu ô), quá lớn so với một mẫu báo cáo (có thể do gõ "
        "nhầm vào một ô rất xa, hoặc tệp độc hại): không đọc tệp này; đề nghị đơn vị xóa các "
        "dòng, cột thừa rồi gửi lại.",
        "Tệp {where} (khoảng {millions} triệu ô), quá lớn so với một mẫu báo cáo (có thể do gõ nhầm vào một ô rất xa, hoặc tệp độc hại)",
    ),
    "not_office": (
        "file_corrupt",
        "Tệp bị hỏng hoặc không phải tệp Excel (có thể đã bị đổi đuôi): đề nghị đơn vị gửi lại "
        "tệp Excel gốc.",
        "Tệp bị hỏng hoặc không phải tệp Excel (có thể đã bị đổi đuôi)",
    ),
    "bad_zip": (
        "file_corrupt",
        "Tệp bị hỏng (không giải nén được): đề nghị đơn vị lưu lại trong Excel và gửi lại.",
        "Tệp bị hỏng (không giải nén được)",
    ),
    "not_workbook": (
        "file_corrupt",
        "Tệp không phải bảng tính Excel hoặc bị hỏng: đề nghị đơn vị gửi lại tệp Excel gốc.",
        "Tệp không phải bảng tính Excel hoặc bị hỏng",
    ),
    "unopenable": (
        "file_corrupt",
        "Không mở được tệp (bị hỏng hoặc không phải bảng tính Excel): đề nghị đơn vị mở lại tệp "
        "bằng Excel, lưu lại và gửi lại.",
        "Không mở được tệp (bị hỏng hoặc không phải bảng tính Excel)",
    ),
    "bad_sheet": (
        "file_corrupt",
        "Trang “{sheet}” bị hỏng, không đọc được: đề nghị đơn vị mở lại tệp bằng Excel, lưu lại "
        "và gửi lại.",
        "Trang “{sheet}” bị hỏng, không đọc được",
    ),
    "password": (
        "file_password",
        "Tệp được đặt mật khẩu nên không đọc được: đề nghị đơn vị gỡ mật khẩu (Tệp > Thông tin > "
        "Bảo vệ sổ làm việc) rồi gửi lại.",
        "Tệp được đặt mật khẩu nên không đọc được",
    ),
    "word_or_powerpoint": (
        "file_not_spreadsheet",
        "Đây là tệp PowerPoint bị đổi đuôi thành bảng tính: đề nghị đơn vị điền vào mẫu "
        "Excel đã gửi và gửi lại tệp Excel.",
        "Đây là tệp PowerPoint bị đổi đuôi thành bảng tính",
    ),
    "not_read": (
        "file_not_read",
        "thd gặp lỗi khi đọc tệp này (có thể tệp bị hỏng theo cách thd chưa gặp): mở tệp bằng "
        "Excel hoặc Word; mở được thì lưu lại (Lưu thành) rồi chạy lại, không mở được thì đề "
        "nghị đơn vị gửi lại. Các tệp khác vẫn được kiểm tra. Chạy lại với thd --debug để xem chi "
        "tiết kỹ thuật và gửi cho người phụ trách kỹ thuật.",
        "thd không đọc được tệp này",
    ),
    "os_error": ("file_unreadable", "Không đọc được tệp: {reason}.", "Không đọc được tệp"),
    "folder_unreadable": (
        "file_unreadable",
        "Không mở được thư mục này: {reason}. Các tệp bên trong chưa được kiểm tra: cấp quyền "
        "đọc thư mục, hoặc chép các tệp ra thư mục nhận rồi chạy lại.",
        "Không mở được thư mục",
    ),
    "foreign_archive": (
        "file_archive_unsupported",
        "Tệp nén {suffix}: thd không mở được loại tệp nén này. Đề nghị đơn vị gửi lại tệp Excel "
        "hoặc Word (hoặc nén bằng .zip); hoặc giải nén rồi đặt các tệp bên trong vào thư mục "
        "nhận và chạy lại.",
        "Tệp nén {suffix}",
    ),
    "needs_docx": (
        "file_needs_docx",
        "Tệp {suffix} chỉ đọc được khi máy có LibreOffice (để chuyển sang .docx): cài "
        "LibreOffice, hoặc đề nghị đơn vị gửi bản .docx hay mẫu Excel.",
        "Tệp {suffix} chỉ đọc được khi máy có LibreOffice (để chuyển sang .docx)",
    ),
    # A Word/PDF report none of whose tables thd can read: one problem of the whole document
    # (the Excel wording, sheets and "mẫu gốc", is not the clerk's).
    "tab_tables": (
        "table_missing",
        "Các bảng số liệu được gõ bằng dấu Tab, không phải bảng Word, nên không đọc được số "
        "liệu: đề nghị đơn vị chèn bảng (Chèn > Bảng, tức Insert > Table) hoặc điền mẫu Excel đã gửi.",
        "Các bảng số liệu được gõ bằng dấu Tab, không phải bảng Word, nên không đọc được số "
        "liệu (cần chèn bảng bằng Chèn > Bảng, hoặc điền mẫu Excel)",
    ),
    "document_without_tables": (
        "table_missing",
        "Báo cáo {kind} không có bảng số liệu nào của mẫu ({tables}) ở dạng bảng có dòng tiêu "
        "đề: đề nghị đơn vị trình bày số liệu thành bảng như mẫu hoặc điền mẫu Excel đã gửi.",
        "Báo cáo {kind} không có bảng số liệu nào của mẫu ở dạng bảng có dòng tiêu đề",
    ),
    # A PDF none of whose tables has its rules drawn (a Word table with its borders removed,
    # "No Border", then printed to PDF): its figures stand in columns thd cannot trust.
    "pdf_unruled_tables": (
        "table_unruled",
        "Các bảng số liệu của bản PDF, ở {where}, in không đủ đường kẻ ô (bảng bỏ đường viền), "
        "nên thd không đọc được chắc chắn số liệu (số có thể lệch cột, dòng bị gộp hay tách): số liệu "
        "chưa được tính. Đề nghị đơn vị gửi kèm bản Word (.docx) của báo cáo, hoặc kẻ đủ đường "
        "viền cho các bảng (Tất cả viền, tức All Borders) rồi xuất lại PDF, hoặc điền mẫu Excel "
        "đã gửi.",
        "Các bảng số liệu của bản PDF in không đủ đường kẻ ô, nên không đọc được số liệu",
    ),
    "not_msg": (
        "file_corrupt",
        "Tệp .msg không phải thư Outlook hoặc bị hỏng: mở thư trong Outlook và lưu lại (kéo thư "
        "vào thư mục nhận), hoặc lưu các tệp đính kèm vào thư mục nhận.",
        "Tệp .msg không phải thư Outlook hoặc bị hỏng",
    ),
}


def file_problem(variant: str, **values: Any) -> tuple[str, Severity, str]:
    """(code, severity, message) of a file-level problem."""
    code, template, _ = FILE_PROBLEMS[variant]
    return code, CATALOGUE[code].severity, template.format(**values)


# ------------------------------------------------------------- problems in the agency's words

_OPENING, _CLOSING = "“(", "”)"


def problem(code: str, message: str) -> str:
    """What is wrong, for the agency: the catalogue's reason for `code`, filled with the values
    read back from `message` (what follows a reason tells the officer what to do). A message
    made from no template of the code is cut at its first colon or full stop outside quotes."""
    for template, reason in _reasons(code):
        values = _values_in(template, message)
        if values is not None:
            return reason.format(**values)
    return _cut(message)


def in_letter(issue: Issue) -> str:
    """The issue's message as a letter to the agency says it: the catalogue's `to_agency`,
    filled with the message's own values, else the message."""
    entry = CATALOGUE.get(issue.code)
    if entry and entry.to_agency and (values := _values_in(entry.template, issue.message)):
        return entry.to_agency.format(**values)
    return issue.message


def _reasons(code: str) -> list[tuple[str, str]]:
    entry = CATALOGUE.get(code)
    found = [(entry.template, entry.reason)] if entry and entry.template and entry.reason else []
    if entry and entry.document and entry.document_reason:
        found.append((entry.document, entry.document_reason))
    return found + [(t, r) for c, t, r in FILE_PROBLEMS.values() if c == code]


def _values_in(template: str, message: str) -> dict[str, str] | None:
    """The values `template` was filled with to give `message`; None when it did not."""
    found = _pattern(template).fullmatch(message)
    return found.groupdict() if found else None


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


def _cut(message: str) -> str:
    depth = 0
    for index, char in enumerate(message):
        depth += (char in _OPENING) - (char in _CLOSING)
        if depth <= 0 and char in ":." and message[index + 1 : index + 2] in (" ", ""):
            return message[:index].strip()
    return message.strip().removesuffix(".")


def place(location: Location | None, more: int = 0) -> str:
    """Where, in the words of the agency's own report: "bảng 1. Hoạt động, dòng 8, cột Nam",
    "trang Thông tin chung, ô B13", "trang 2, bảng 1, dòng 1, cột Nữ", "mục II.2"; `more`: the
    same problem in as many other rows of the column, "dòng 20 và 299 dòng khác"."""
    also = f" và {more} dòng khác" if more else ""
    from thanghanhdong.form import TABLES

    if location is None or not location.part:
        return ""
    if location.grid is not Grid.SHEET:
        shown = location.shown
        return shown[:1].lower() + shown[1:] + also
    if location.part not in {t.sheet for t in TABLES}:
        cell = f", ô {location.cell}" if location.cell else ""
        return f"trang {location.part}{cell}{also}"
    row = f", dòng {location.row + 1}{also}" if location.row is not None else ""
    column = f", cột {location.column_label}" if location.column_label and row else ""
    return f"bảng {location.part}{row}{column}"


def for_agency(issue: Issue, count: int = 1) -> str:
    """One problem as the reminder names it: "bảng 1. Hoạt động, dòng 8, cột Nam: “12 người”
    không phải là số" (no file of the officer's inbox); `count`: the same problem in as many
    rows of that column (messages.runs), "dòng 20 và 499 dòng khác"."""
    what = problem(issue.code, issue.message)
    where = place(issue.location, count - 1)
    return f"{where}: {lowered(what)}" if where else what


def lowered(text: str) -> str:
    """The first letter in lower case after a colon, unless it opens an abbreviation (UBND)."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


# ------------------------------------------------------------- the same problem in many cells

# A problem repeated in more cells than this, in one column of one table (a formula or a value
# filled down far below the table, "x" typed in every row), is said once with its cells: 500
# lines on the screen and a 15-page correction letter hid the one mistake.
SAID_ONE_BY_ONE = 3


@dataclass(frozen=True)
class IssueRun:
    """One problem as the screen and the letters say it: an issue, or the same issue (code,
    message, table and column) in `count` cells, `where` naming them all."""

    issue: Issue
    count: int = 1
    cells: str = ""  # "1. Hoạt động!B20 đến B519", for a problem said once for many cells
    last: Issue | None = None  # the problem's last cell, when said once for many
    following: bool = False  # its rows follow one another (the cells are a range)

    def where(self, counted: str = "{cells} ({count} ô)") -> str:
        """Where the problem is: the issue's own place, or its cells and how many."""
        return (
            counted.format(cells=self.cells, count=self.count) if self.cells else self.issue.where
        )


def runs(issues: list[Issue]) -> list[IssueRun]:
    """The issues in order, each problem repeated in more than SAID_ONE_BY_ONE cells of one
    column given once, where it first occurs."""
    groups: dict[tuple[object, ...], list[Issue]] = {}
    for issue in issues:
        groups.setdefault(_run_key(issue), []).append(issue)
    said: list[IssueRun] = []
    for issue in issues:
        group = groups[_run_key(issue)]
        if len(group) <= SAID_ONE_BY_ONE:
            said.append(IssueRun(issue))
        elif issue is group[0]:
            rows = [i.location.row for i in group if i.location is not None]
            following = rows == list(range(rows[0] or 0, (rows[0] or 0) + len(rows)))
            said.append(IssueRun(issue, len(group), _cells_of(group), group[-1], following))
    return said


def _run_key(issue: Issue) -> tuple[object, ...]:
    at = issue.location
    if at is None or at.row is None:
        return (id(issue),)  # a file's or a section's problem: said as it is
    return (issue.code, issue.severity, issue.message, at.part, at.grid, at.column)


def _cells_of(group: list[Issue]) -> str:
    """ "1. Hoạt động!B20 đến B519" where the rows follow one another, else the first cells;
    in a document's table "bảng thứ 1, dòng 3 đến 40, cột Nam"."""
    places = [i.location for i in group if i.location is not None and i.location.row is not None]
    first, last = places[0], places[-1]
    rows = [at.row or 0 for at in places]
    following = rows == list(range(rows[0], rows[0] + len(rows)))
    if first.grid is Grid.SHEET:
        if following:
            return f"{first.shown} đến {last.cell}"
        cells = ", ".join(at.cell or "" for at in places[1:3])
        return f"{first.shown}, {cells}..."
    lines = (
        f"{rows[0] + 1} đến {rows[-1] + 1}"
        if following
        else ", ".join(str(row + 1) for row in rows[:3]) + "..."
    )
    part = f"{first.part}, " if first.part else ""
    column = f", cột {first.column_label}" if first.column_label else ""
    return f"{part}dòng {lines}{column}"
