"""Write and compile the portal app's interface translations.

    .venv/bin/python portal/locale/fill_translations.py

The table is the source of truth for this app's strings (models, blocks, templates/portal/ and
the includes the app owns); the .po files are regenerated from it and compiled with polib.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "locale"))  # locale/catalog.py
from catalog import write_catalog

HERE = Path(__file__).resolve().parent

# msgid: (vi, ko, ja, zh-hans)
T = {
    # page tools, header tools, statistics strip
    "Views: %(count)s": ("Lượt xem: %(count)s", "조회수: %(count)s", "閲覧数: %(count)s",
                         "浏览量：%(count)s"),
    "Print": ("In bài viết", "인쇄", "印刷", "打印"),
    "High contrast": ("Độ tương phản cao", "고대비", "ハイコントラスト", "高对比度"),
    "Visitor statistics": ("Thống kê truy cập", "방문 통계", "アクセス統計", "访问统计"),
    "Today": ("Hôm nay", "오늘", "今日", "今日"),
    "This week": ("Tuần này", "이번 주", "今週", "本周"),
    "This month": ("Tháng này", "이번 달", "今月", "本月"),
    "Total visits": ("Tổng truy cập", "전체 방문", "累計アクセス", "总访问量"),
    # counters (admin)
    "page": ("trang", "페이지", "ページ", "页面"),
    "day": ("ngày", "날짜", "日付", "日期"),
    "views": ("lượt xem", "조회수", "閲覧数", "浏览量"),
    "page views per day": ("lượt xem trang theo ngày", "일별 페이지 조회수", "日別ページ閲覧数",
                           "每日页面浏览量"),
    "site visits per day": ("lượt truy cập trang web theo ngày", "일별 사이트 방문 수",
                            "日別サイトアクセス数", "每日网站访问量"),
    # organisation
    "Foreign information": ("Thông tin đối ngoại", "대외 정보", "対外広報", "对外信息"),
    "Investment promotion": ("Xúc tiến đầu tư", "투자 유치", "投資促進", "投资促进"),
    "Tourism promotion": ("Xúc tiến du lịch", "관광 홍보", "観光振興", "旅游推广"),
    "Other": ("Khác", "기타", "その他", "其他"),
    "Decree": ("Nghị định", "시행령", "政令", "议定"),
    "Circular": ("Thông tư", "시행규칙", "通達", "通知"),
    "name": ("họ và tên", "이름", "氏名", "姓名"),
    "position": ("chức vụ", "직위", "役職", "职务"),
    "responsible for": ("phụ trách", "담당 분야", "担当分野", "负责领域"),
    "phone": ("điện thoại", "전화", "電話", "电话"),
    "email": ("email", "이메일", "メール", "电子邮件"),
    "official": ("cán bộ", "담당자", "担当者", "负责人"),
    "introduction": ("giới thiệu", "소개", "紹介文", "简介"),
    "functions and duties": ("chức năng, nhiệm vụ", "기능 및 업무", "機能と業務", "职能与职责"),
    "responsible officials": ("cán bộ phụ trách", "담당자", "担当者", "负责人员"),
    "office": ("cơ quan", "기관", "担当機関", "办公室"),
    "address": ("địa chỉ", "주소", "住所", "地址"),
    "office hours": ("giờ làm việc", "업무 시간", "受付時間", "办公时间"),
    "Office": ("Cơ quan", "기관 정보", "事務所", "办公室"),
    "organisation and contacts page": ("trang tổ chức và liên hệ", "조직 및 연락처 페이지",
                                       "組織・連絡先ページ", "机构与联系方式页面"),
    "Functions and duties": ("Chức năng, nhiệm vụ", "기능 및 업무", "機能と業務", "职能与职责"),
    "Responsible officials": ("Cán bộ phụ trách", "담당자", "担当者", "负责人员"),
    "Responsible for": ("Phụ trách", "담당 분야", "担当分野", "负责领域"),
    "Office hours": ("Giờ làm việc", "업무 시간", "受付時間", "办公时间"),
    "Phone": ("Điện thoại", "전화", "電話", "电话"),
    "Email": ("Email", "이메일", "メール", "电子邮件"),
    "Home": ("Trang chủ", "홈", "ホーム", "首页"),
    "Breadcrumb": ("Đường dẫn", "현재 위치", "パンくずリスト", "当前位置"),
    # documents
    "Plan": ("Kế hoạch", "계획", "計画", "计划"),
    "Decision": ("Quyết định", "결정", "決定", "决定"),
    "Notice": ("Thông báo", "공고", "通知", "通知"),
    "Report": ("Báo cáo", "보고서", "報告書", "报告"),
    "documents index page": ("trang danh sách văn bản", "문서 목록 페이지", "文書一覧ページ", "文件列表页面"),
    "document type": ("loại văn bản", "문서 유형", "文書の種類", "文件类型"),
    "number": ("số, ký hiệu", "문서 번호", "文書番号", "文号"),
    "As printed on the document, e.g. 64/KH-UBND.": (
        "Ghi đúng như trên văn bản, ví dụ 64/KH-UBND.", "문서에 적힌 그대로 입력하세요(예: 64/KH-UBND).",
        "文書に記載のとおりに入力してください（例：64/KH-UBND）。", "按文件上的写法填写，例如 64/KH-UBND。"),
    "issuer": ("cơ quan ban hành", "발행 기관", "発行機関", "发文机关"),
    "date issued": ("ngày ban hành", "발행일", "発行日", "发布日期"),
    "effective date": ("ngày có hiệu lực", "시행일", "施行日", "生效日期"),
    "abstract": ("trích yếu", "요지", "要旨", "摘要"),
    "file": ("tệp", "파일", "ファイル", "文件"),
    "body": ("nội dung", "본문", "本文", "正文"),
    "official document": ("văn bản", "공문서", "公文書", "公文"),
    "official documents": ("văn bản", "공문서", "公文書", "公文"),
    "Document details": ("Thông tin văn bản", "문서 정보", "文書情報", "文件信息"),
    "No. %(number)s": ("Số %(number)s", "제%(number)s호", "第%(number)s号", "第%(number)s号"),
    "Type": ("Loại văn bản", "유형", "種類", "类型"),
    "Number": ("Số, ký hiệu", "문서 번호", "文書番号", "文号"),
    "Issued by": ("Cơ quan ban hành", "발행 기관", "発行機関", "发文机关"),
    "Date issued": ("Ngày ban hành", "발행일", "発行日", "发布日期"),
    "Effective from": ("Ngày có hiệu lực", "시행일", "施行日", "生效日期"),
    "Download the document": ("Tải văn bản", "문서 내려받기", "文書をダウンロード", "下载文件"),
    "Download": ("Tải về", "내려받기", "ダウンロード", "下载"),
    "Abstract": ("Trích yếu", "요지", "要旨", "摘要"),
    "Filter documents": ("Lọc văn bản", "문서 필터", "文書の絞り込み", "筛选文件"),
    "All types": ("Tất cả các loại", "모든 유형", "すべての種類", "所有类型"),
    "All issuers": ("Tất cả cơ quan", "모든 기관", "すべての発行機関", "所有发文机关"),
    "Year": ("Năm", "연도", "年", "年份"),
    "All years": ("Tất cả các năm", "전체 연도", "すべての年", "所有年份"),
    "Filter": ("Lọc", "필터 적용", "絞り込む", "筛选"),
    "Pages": ("Phân trang", "페이지", "ページ", "分页"),
    "Previous": ("Trang trước", "이전", "前へ", "上一页"),
    "Next": ("Trang sau", "다음", "次へ", "下一页"),
    "Page %(number)s of %(total)s": ("Trang %(number)s / %(total)s", "%(total)s페이지 중 %(number)s페이지",
                                     "%(number)s / %(total)s ページ", "第 %(number)s 页，共 %(total)s 页"),
}
# msgid, msgid_plural: (vi, ko, ja, zh-hans) — all four languages have a single plural form
PLURALS = {
    ("%(counter)s document", "%(counter)s documents"): (
        "%(counter)s văn bản", "문서 %(counter)s건", "%(counter)s 件の文書", "%(counter)s 份文件"),
}


def build():
    write_catalog(HERE, "dautieng-promo portal", T, PLURALS)


if __name__ == "__main__":
    build()
