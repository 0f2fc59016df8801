"""Edit thd.toml as the district officer would in Notepad: one district, its communes."""
import re, sys
path, district, code, year = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t = open(path, encoding="utf-8").read()
def sub(key, val):
    global t
    t, n = re.subn(rf"^{key} = .*$", f"{key} = {val}", t, count=1, flags=re.M)
    assert n, key
up = district.upper()
sub("id", f'"{code}-{year}"'); sub("year", str(year))
sub("plan_number", '"85/KH-UBND"'); sub("plan_date", f"{year}-10-25"); sub("plan_issuer", '"UBND huyện"')
sub("period_start", f"{year}-11-15"); sub("period_end", f"{year}-12-15"); sub("deadline", f"{year}-12-10")
sub("population", "17500")
sub("parent", f'"UBND HUYỆN {up}"'); head, tail = t.split("[issuer]", 1)
tail = re.sub(r'^name = .*$', 'name = "PHÒNG VĂN HÓA - XÃ HỘI"', tail, count=1, flags=re.M)
t = head + "[issuer]" + tail
sub("abbreviation", '"VHXH"'); sub("place", f'"{district}"')
sub("contact", f'"Phòng Văn hóa - Xã hội huyện {district}"'); sub("email", '"vhxh@backan.gov.vn"')
sub("signer_authority", '""'); sub("signer_title", '"TRƯỞNG PHÒNG"'); sub("signer_name", '"Hoàng Văn Thắng"')
sub("recipients", f'["Ủy ban nhân dân huyện {district}", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn"]')
sub("distribution", '["Như trên", "UBND các xã, thị trấn"]')
sub("archive", '"Lưu: VT, VHXH"')
sub("levels", '["Huyện", "Xã"]')
open(path, "w", encoding="utf-8").write(t)
