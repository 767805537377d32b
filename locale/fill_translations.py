"""Fill the interface translations and compile them.

    python manage.py makemessages -l vi -l en -l ko -l ja -l zh_Hans --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=node_modules
    git checkout staff/locale   # makemessages drops staff's template strings from it; see below
    .venv/bin/python locale/fill_translations.py      # writes msgstr for known msgids, compiles .mo
    (then each <app>/locale/fill_translations.py; makemessages leaves en/ folders in apps: delete them)

The table is the source of truth: a msgid it knows always gets the table's text, even if the
.po held another translation. Untranslated msgids missing from the table are reported; many are
translated in an app's own catalogue, which Django also reads (tests/unit/
test_translations_complete.py checks what a visitor actually gets). staff/locale is filled from
its own makemessages run inside staff/ (see its script), so restore it after a project-wide run.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "locale"))  # locale/catalog.py
from catalog import CONTENT_TYPE, ONE_PLURAL_FORM, fill_catalog

HERE = Path(__file__).resolve().parent

# msgid: (vi, ko, ja, zh-hans)
T = {
    # home/models.py
    "tagline": ("khẩu hiệu", "태그라인", "キャッチコピー", "标语"),
    "introduction": ("giới thiệu", "소개", "紹介文", "简介"),
    "hero image": ("ảnh đầu trang", "대표 이미지", "メイン画像", "主图"),
    "hero image alternative text": ("văn bản thay thế cho ảnh đầu trang", "대표 이미지 대체 텍스트",
                                    "メイン画像の代替テキスト", "主图替代文字"),
    "Hero image": ("Ảnh đầu trang", "대표 이미지", "メイン画像", "主图"),
    "home page": ("trang chủ", "홈페이지", "ホームページ", "首页"),
    "title": ("tiêu đề", "제목", "タイトル", "标题"),
    "order": ("thứ tự", "순서", "表示順", "顺序"),
    "links": ("liên kết", "링크", "リンク", "链接"),
    "link group": ("nhóm liên kết", "링크 그룹", "リンクグループ", "链接组"),
    "link groups": ("nhóm liên kết", "링크 그룹", "リンクグループ", "链接组"),
    "label": ("nhãn", "레이블", "ラベル", "标签文字"),
    "address": ("địa chỉ", "주소", "住所", "地址"),
    "office": ("cơ quan", "기관", "担当機関", "办公室"),
    "phone": ("điện thoại", "전화", "電話", "电话"),
    "email": ("email", "이메일", "メール", "电子邮件"),
    "contact details": ("thông tin liên hệ", "연락처", "連絡先", "联系方式"),
    "Catalogue": ("Danh mục", "카탈로그", "カタログ", "目录"),
    # promo/blocks.py
    "image": ("hình ảnh", "이미지", "画像", "图片"),
    "alternative text": ("văn bản thay thế", "대체 텍스트", "代替テキスト", "替代文字"),
    "Describe the picture for people who cannot see it. Required.": (
        "Mô tả bức ảnh cho người không nhìn thấy được. Bắt buộc.",
        "이미지를 볼 수 없는 사람을 위해 그림을 설명하세요. 필수 항목입니다.",
        "画像を見ることができない人のために、内容を説明してください。必須です。",
        "为无法看到图片的人描述图片内容。必填。"),
    "caption": ("chú thích", "캡션", "キャプション", "图片说明"),
    "images": ("hình ảnh", "이미지", "画像", "图片"),
    "quote": ("trích dẫn", "인용문", "引用", "引文"),
    "attribution": ("nguồn trích dẫn", "출처", "出典", "出处"),
    "document": ("tài liệu", "문서", "文書", "文件"),
    "link text": ("văn bản liên kết", "링크 텍스트", "リンクテキスト", "链接文字"),
    "paragraph": ("đoạn văn", "단락", "段落", "段落"),
    "gallery": ("thư viện ảnh", "갤러리", "ギャラリー", "图库"),
    "table": ("bảng", "표", "表", "表格"),
    "document download": ("tải tài liệu", "문서 다운로드", "文書のダウンロード", "文件下载"),
    # attractions
    "Nature": ("Thiên nhiên", "자연", "自然", "自然风光"),
    "Heritage": ("Di tích, di sản", "문화유산", "史跡・遺産", "历史遗产"),
    "Religious site": ("Cơ sở tôn giáo, tâm linh", "종교 명소", "宗教施設", "宗教场所"),
    "Recreation": ("Vui chơi, giải trí", "레저", "レジャー", "休闲娱乐"),
    "Food and markets": ("Ẩm thực và chợ", "음식과 시장", "グルメ・市場", "美食与市场"),
    "category": ("danh mục", "분류", "カテゴリー", "类别"),
    "opening hours": ("giờ mở cửa", "운영 시간", "営業時間", "开放时间"),
    "ticket price (VND)": ("giá vé (đồng)", "입장료(VND)", "入場料(ドン)", "门票价格(越南盾)"),
    "tags": ("thẻ", "태그", "タグ", "标签"),
    "Visiting": ("Tham quan", "방문 정보", "観光情報", "参观信息"),
    "tourist attraction": ("điểm du lịch", "관광지", "観光スポット", "旅游景点"),
    "tourist attractions": ("điểm du lịch", "관광지", "観光スポット", "旅游景点"),
    "Title A–Z": ("Tên A–Z", "제목순(가나다)", "タイトル順", "按标题排序"),
    "Newest first": ("Mới nhất trước", "최신순", "新しい順", "最新优先"),
    "tourism index": ("trang mục du lịch", "관광 목록", "観光一覧", "旅游目录"),
    "Category": ("Danh mục", "분류", "カテゴリー", "类别"),
    # base
    "Use 2–80 lowercase letters, digits and hyphens, starting with a letter or digit.": (
        "Dùng 2–80 chữ thường, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số.",
        "영문 소문자, 숫자, 하이픈으로 2–80자를 입력하고 문자나 숫자로 시작하세요.",
        "英小文字・数字・ハイフンで2〜80文字、先頭は英字か数字にしてください。",
        "请使用 2–80 个小写字母、数字和连字符，并以字母或数字开头。"),
    "reference": ("mã tham chiếu", "참조 코드", "参照コード", "参考编号"),
    "Stable id shared by all translations, used in imports and exports.": (
        "Mã cố định dùng chung cho mọi bản dịch, dùng khi nhập và xuất dữ liệu.",
        "모든 번역본이 공유하는 고정 ID로, 가져오기와 내보내기에 사용됩니다.",
        "すべての翻訳で共通の固定IDで、インポートとエクスポートに使われます。",
        "所有译本共用的固定编号，用于导入和导出。"),
    "summary": ("tóm tắt", "요약", "概要", "摘要"),
    "One or two sentences for listings and results.": (
        "Một hoặc hai câu hiển thị trong danh sách và kết quả tìm kiếm.",
        "목록과 검색 결과에 표시할 한두 문장.",
        "一覧や検索結果に表示する1〜2文。",
        "在列表和搜索结果中显示的一两句话。"),
    "Required when a hero image is chosen.": (
        "Bắt buộc khi đã chọn ảnh đầu trang.", "대표 이미지를 선택한 경우 필수입니다.",
        "メイン画像を選んだ場合は必須です。", "选择主图时必填。"),
    "body": ("nội dung", "본문", "本文", "正文"),
    "commune": ("xã", "읍·면", "社(コミューン)", "社"),
    "first published": ("ngày đăng lần đầu", "최초 게시일", "初回公開日", "首次发布日期"),
    "related item": ("mục liên quan", "관련 항목", "関連項目", "相关条目"),
    "related items": ("các mục liên quan", "관련 항목", "関連項目", "相关条目"),
    "Describe the hero image for screen readers.": (
        "Hãy mô tả ảnh đầu trang cho trình đọc màn hình.", "화면 낭독기를 위해 대표 이미지를 설명하세요.",
        "スクリーンリーダーのためにメイン画像を説明してください。", "请为屏幕阅读器描述主图。"),
    "Reference “%(ref)s” is already used by “%(title)s”.": (
        "Mã tham chiếu “%(ref)s” đã được dùng cho “%(title)s”.",
        "참조 코드 “%(ref)s”는 이미 “%(title)s”에서 사용 중입니다.",
        "参照コード「%(ref)s」はすでに「%(title)s」で使われています。",
        "参考编号“%(ref)s”已被“%(title)s”使用。"),
    # fairs
    "first day": ("ngày bắt đầu", "시작일", "初日", "开始日期"),
    "last day": ("ngày kết thúc", "종료일", "最終日", "结束日期"),
    "venue": ("địa điểm", "장소", "会場", "地点"),
    "organizer": ("đơn vị tổ chức", "주최", "主催者", "主办方"),
    "registration link": ("liên kết đăng ký", "등록 링크", "申込リンク", "报名链接"),
    "Fair": ("Hội chợ", "박람회", "見本市", "展会"),
    "trade fair or event": ("hội chợ hoặc sự kiện", "박람회 또는 행사", "見本市・イベント", "展会或活动"),
    "trade fairs and events": ("hội chợ, sự kiện", "박람회·행사", "見本市・イベント", "展会与活动"),
    "The last day cannot be before the first day.": (
        "Ngày kết thúc không thể trước ngày bắt đầu.", "종료일은 시작일보다 앞설 수 없습니다.",
        "最終日を初日より前にすることはできません。", "结束日期不能早于开始日期。"),
    "By date": ("Theo ngày", "날짜순", "日付順", "按日期"),
    "Latest first": ("Gần nhất trước", "최근순", "新しい順", "最近优先"),
    "fair index": ("trang mục hội chợ", "박람회 목록", "見本市一覧", "展会目录"),
    "Upcoming": ("Sắp diễn ra", "예정", "開催予定", "即将举办"),
    "Past": ("Đã diễn ra", "지난 행사", "終了", "往届"),
    "All": ("Tất cả", "전체", "すべて", "全部"),
    # geo
    "latitude": ("vĩ độ", "위도", "緯度", "纬度"),
    "longitude": ("kinh độ", "경도", "経度", "经度"),
    # investment
    "Open for investors": ("Đang kêu gọi đầu tư", "투자자 모집 중", "投資家募集中", "招商中"),
    "In negotiation": ("Đang đàm phán", "협상 중", "交渉中", "洽谈中"),
    "Awarded": ("Đã có nhà đầu tư", "투자자 선정 완료", "投資家決定済み", "已确定投资方"),
    "sector": ("lĩnh vực", "분야", "分野", "行业"),
    "area (ha)": ("diện tích (ha)", "면적(ha)", "面積(ha)", "面积(公顷)"),
    "capital (USD)": ("vốn đầu tư (USD)", "투자 규모(USD)", "投資額(米ドル)", "投资额(美元)"),
    "status": ("trạng thái", "상태", "状況", "状态"),
    "incentives": ("ưu đãi", "인센티브", "優遇措置", "优惠政策"),
    "contact email": ("email liên hệ", "연락 이메일", "問い合わせ先メール", "联系邮箱"),
    "brochure": ("tài liệu giới thiệu", "브로슈어", "パンフレット", "宣传册"),
    "brochures": ("tài liệu giới thiệu", "브로슈어", "パンフレット", "宣传册"),
    "Opportunity": ("Cơ hội đầu tư", "투자 기회", "投資案件", "投资机会"),
    "investment opportunity": ("cơ hội đầu tư", "투자 기회", "投資機会", "投资机会"),
    "investment opportunities": ("cơ hội đầu tư", "투자 기회", "投資機会", "投资机会"),
    "Sector": ("Lĩnh vực", "분야", "分野", "行业"),
    "Largest area first": ("Diện tích lớn nhất trước", "면적 큰 순", "面積の大きい順", "面积从大到小"),
    "Largest capital first": ("Vốn lớn nhất trước", "투자 규모 큰 순", "投資額の大きい順", "投资额从高到低"),
    "investment index": ("trang mục đầu tư", "투자 목록", "投資一覧", "投资目录"),
    "Status": ("Trạng thái", "상태", "状況", "状态"),
    "Commune": ("Xã", "읍·면", "社(コミューン)", "社"),
    # news
    "author": ("tác giả", "작성자", "著者", "作者"),
    "photo credit": ("nguồn ảnh", "사진 출처", "写真提供", "图片来源"),
    "Article": ("Bài viết", "기사", "記事", "文章"),
    "news article": ("bài tin", "뉴스 기사", "ニュース記事", "新闻文章"),
    "news articles": ("bài tin", "뉴스 기사", "ニュース記事", "新闻文章"),
    "news index": ("trang mục tin tức", "뉴스 목록", "ニュース一覧", "新闻目录"),
    # products
    "producer": ("cơ sở sản xuất", "생산자", "生産者", "生产者"),
    "OCOP stars": ("số sao OCOP", "OCOP 등급(별)", "OCOPの星の数", "OCOP 星级"),
    "Official OCOP rating, 1 to 5 stars; leave empty when not rated.": (
        "Hạng OCOP chính thức, từ 1 đến 5 sao; để trống nếu chưa được xếp hạng.",
        "공식 OCOP 등급(별 1–5개). 등급이 없으면 비워 두세요.",
        "OCOPの公式評価(星1〜5)。評価がない場合は空欄にしてください。",
        "官方 OCOP 评级，1 至 5 星；未评级时留空。"),
    "price from (VND)": ("giá từ (đồng)", "최저 가격(VND)", "価格(ドン)から", "起价(越南盾)"),
    "unit": ("đơn vị tính", "단위", "単位", "单位"),
    "Product": ("Sản phẩm", "제품", "製品", "产品"),
    "local product": ("sản phẩm địa phương", "지역 특산품", "地域産品", "地方产品"),
    "local products": ("sản phẩm địa phương", "지역 특산품", "地域産品", "地方产品"),
    "Price, lowest first": ("Giá thấp nhất trước", "낮은 가격순", "価格の安い順", "价格从低到高"),
    "product index": ("trang mục sản phẩm", "제품 목록", "産品一覧", "产品目录"),
    # taxonomy
    "code": ("mã", "코드", "コード", "代码"),
    "Stable code used in imports, filters and URLs; the same in every language.": (
        "Mã cố định dùng khi nhập dữ liệu, trong bộ lọc và địa chỉ URL; giống nhau ở mọi ngôn ngữ.",
        "가져오기, 필터, URL에 쓰이는 고정 코드로 모든 언어에서 동일합니다.",
        "インポート・絞り込み・URLで使う固定コードで、すべての言語で共通です。",
        "用于导入、筛选和网址的固定代码，各语言相同。"),
    "name": ("tên", "이름", "名称", "名称"),
    "ward": ("phường", "동", "坊(フォン)", "坊"),
    "unit type": ("loại đơn vị", "행정 단위 유형", "行政単位の種類", "行政单位类型"),
    "Former communes merged into this unit": (
        "Các xã cũ đã sáp nhập vào đơn vị này", "이 단위로 통합된 옛 읍·면",
        "この単位に統合された旧社", "并入本单位的原社"),
    "communes": ("xã", "읍·면", "社(コミューン)", "社"),
    "former name": ("tên cũ", "옛 이름", "旧名称", "原名称"),
    "primary successor": ("đơn vị kế thừa chính", "주 승계 단위", "主な継承先", "主要承继单位"),
    "When a former commune was split, the unit an old address resolves to.": (
        "Khi một xã cũ bị chia tách, đây là đơn vị mà địa chỉ cũ được quy về.",
        "옛 읍·면이 분할된 경우, 옛 주소가 연결되는 단위입니다.",
        "旧社が分割された場合に、旧住所の移行先となる単位です。",
        "原社被拆分时，旧地址所对应的单位。"),
    "investment sector": ("lĩnh vực đầu tư", "투자 분야", "投資分野", "投资行业"),
    "investment sectors": ("lĩnh vực đầu tư", "투자 분야", "投資分野", "投资行业"),
    "product": ("sản phẩm", "제품", "産品", "产品"),
    "news": ("tin tức", "뉴스", "ニュース", "新闻"),
    "used for": ("dùng cho", "적용 대상", "用途", "适用于"),
    "categories": ("danh mục", "분류", "カテゴリー", "类别"),
    "Dầu Tiếng — products, fairs, tourism and investment": (
        "Dầu Tiếng — sản phẩm, hội chợ, du lịch và đầu tư",
        "Dầu Tiếng — 특산품, 박람회, 관광, 투자",
        "Dầu Tiếng — 産品・見本市・観光・投資",
        "Dầu Tiếng — 产品、展会、旅游与投资"),
    "%(amount)s VND": ("%(amount)s đ", "%(amount)s동", "%(amount)sドン", "%(amount)s越南盾"),
    "US$%(amount)s": ("%(amount)s USD", "%(amount)s달러", "%(amount)s米ドル", "%(amount)s美元"),
    "Taxonomies": ("Phân loại", "분류 체계", "分類", "分类"),
    # search app
    "Catalogue search": ("Tìm kiếm danh mục", "카탈로그 검색", "カタログ検索", "目录搜索"),
    "terms": ("từ ngữ", "용어", "語句", "词语"),
    "Comma-separated words or phrases that mean the same thing.": (
        "Các từ hoặc cụm từ cùng nghĩa, cách nhau bằng dấu phẩy.",
        "같은 뜻의 단어나 구를 쉼표로 구분해 입력하세요.",
        "同じ意味の語句をカンマで区切って入力します。",
        "用逗号分隔的同义词或短语。"),
    "note": ("ghi chú", "메모", "メモ", "备注"),
    "synonym group": ("nhóm từ đồng nghĩa", "동의어 그룹", "同義語グループ", "同义词组"),
    "synonym groups": ("nhóm từ đồng nghĩa", "동의어 그룹", "同義語グループ", "同义词组"),
    # templates
    "Skip to main content": ("Chuyển đến nội dung chính", "본문 바로가기", "本文へ移動", "跳到主要内容"),
    "Trade, tourism and investment": ("Thương mại, du lịch và đầu tư", "무역·관광·투자",
                                      "貿易・観光・投資", "贸易、旅游与投资"),
    "Search the site": ("Tìm kiếm trên trang", "사이트 검색", "サイト内検索", "站内搜索"),
    "Products, fairs, places…": ("Sản phẩm, hội chợ, địa điểm…", "특산품, 박람회, 명소…",
                                 "産品、見本市、観光地…", "产品、展会、景点…"),
    "Search": ("Tìm kiếm", "검색", "検索", "搜索"),
    "Contact": ("Liên hệ", "연락처", "お問い合わせ", "联系我们"),
    "Phone": ("Điện thoại", "전화", "電話", "电话"),
    "Email": ("Email", "이메일", "メール", "电子邮件"),
    "Trade and investment promotion portal": (
        "Cổng thông tin xúc tiến thương mại và đầu tư", "무역·투자 진흥 포털",
        "貿易・投資促進ポータル", "贸易与投资促进门户"),
    "Table": ("Bảng", "표", "表", "表格"),
    "See all: %(section)s": ("Xem tất cả: %(section)s", "전체 보기: %(section)s",
                             "すべて見る:%(section)s", "查看全部：%(section)s"),
    "No upcoming fairs or events are announced yet.": (
        "Chưa có hội chợ hay sự kiện sắp tới nào được công bố.",
        "아직 발표된 예정 박람회나 행사가 없습니다.",
        "開催予定の見本市・イベントはまだ発表されていません。",
        "暂未公布即将举办的展会或活动。"),
    "Nothing here yet.": ("Chưa có nội dung.", "아직 내용이 없습니다.", "まだ掲載はありません。", "暂无内容。"),
    "Language": ("Ngôn ngữ", "언어", "言語", "语言"),
    "Sections": ("Chuyên mục", "메뉴", "カテゴリー", "栏目"),
    "OCOP %(stars)s-star": ("OCOP %(stars)s sao", "OCOP %(stars)s성", "OCOP %(stars)sつ星", "OCOP %(stars)s星"),
    "from %(price)s": ("từ %(price)s", "%(price)s부터", "%(price)sから", "%(price)s起"),
    "Open": ("Mở cửa", "운영", "営業", "开放"),
    "%(area)s ha": ("%(area)s ha", "%(area)s ha", "%(area)s ha", "%(area)s 公顷"),
    "Breadcrumb": ("Đường dẫn", "현재 위치", "パンくずリスト", "当前位置"),
    "Home": ("Trang chủ", "홈", "ホーム", "首页"),
    "Photo: %(credit)s": ("Ảnh: %(credit)s", "사진: %(credit)s", "写真:%(credit)s", "图片：%(credit)s"),
    "Key facts": ("Thông tin chính", "주요 정보", "基本情報", "基本信息"),
    "Dates": ("Thời gian", "기간", "会期", "日期"),
    "Venue": ("Địa điểm", "장소", "会場", "地点"),
    "Organizer": ("Đơn vị tổ chức", "주최", "主催", "主办方"),
    "Producer": ("Cơ sở sản xuất", "생산자", "生産者", "生产者"),
    "OCOP rating": ("Hạng OCOP", "OCOP 등급", "OCOP評価", "OCOP 评级"),
    "Price": ("Giá", "가격", "価格", "价格"),
    "Opening hours": ("Giờ mở cửa", "운영 시간", "営業時間", "开放时间"),
    "Ticket": ("Giá vé", "입장료", "入場料", "门票"),
    "Free entry": ("Miễn phí vào cửa", "무료 입장", "入場無料", "免费入场"),
    "Area": ("Diện tích", "면적", "面積", "面积"),
    "Capital": ("Vốn đầu tư", "투자 규모", "投資額", "投资额"),
    "Published": ("Ngày đăng", "게시일", "公開日", "发布日期"),
    "Author": ("Tác giả", "작성자", "著者", "作者"),
    "Photo credit": ("Nguồn ảnh", "사진 출처", "写真提供", "图片来源"),
    "Location": ("Vị trí", "위치", "所在地", "位置"),
    "View on OpenStreetMap": ("Xem trên OpenStreetMap", "OpenStreetMap에서 보기",
                              "OpenStreetMapで見る", "在 OpenStreetMap 上查看"),
    "Register to take part": ("Đăng ký tham gia", "참가 신청", "参加を申し込む", "报名参加"),
    "Contact the investment office": ("Liên hệ bộ phận xúc tiến đầu tư", "투자 담당 부서에 문의",
                                      "投資窓口に問い合わせる", "联系投资促进办公室"),
    "Ref:": ("Mã:", "참조 코드:", "参照コード:", "编号："),
    "Incentives": ("Ưu đãi đầu tư", "투자 인센티브", "優遇措置", "优惠政策"),
    "Brochures": ("Tài liệu giới thiệu", "브로슈어", "パンフレット", "宣传册"),
    "Tags": ("Từ khóa", "태그", "タグ", "标签"),
    "Related": ("Nội dung liên quan", "관련 항목", "関連情報", "相关内容"),
    "This page is not yet available in %(language)s; here is the section instead.": (
        "Trang này chưa có bản %(language)s; mời bạn xem chuyên mục tương ứng.",
        "이 페이지는 아직 %(language)s로 제공되지 않아 해당 섹션을 대신 보여 드립니다.",
        "このページはまだ%(language)sでご覧いただけません。代わりに該当するセクションを表示しています。",
        "此页面尚无%(language)s版本，现为您显示所属栏目。"),
    "Filter results": ("Lọc kết quả", "결과 필터", "絞り込み", "筛选结果"),
    "When": ("Thời gian", "시기", "時期", "时间"),
    "Sort by": ("Sắp xếp", "정렬", "並べ替え", "排序方式"),
    "Apply": ("Áp dụng", "적용", "適用", "应用"),
    "Clear all": ("Xóa bộ lọc", "모두 지우기", "すべてクリア", "全部清除"),
    ("%(counter)s result", "%(counter)s results"): (
        "%(counter)s kết quả", "검색 결과 %(counter)s건", "%(counter)s件", "%(counter)s 条结果"),
    "Nothing matches these filters.": ("Không có mục nào phù hợp với bộ lọc này.",
                                       "이 조건에 맞는 항목이 없습니다.",
                                       "条件に一致する項目はありません。", "没有符合这些筛选条件的内容。"),
    "Show everything in this section": ("Xem toàn bộ chuyên mục này", "이 섹션 전체 보기",
                                        "このセクションをすべて表示", "显示本栏目的全部内容"),
    "Pages": ("Phân trang", "페이지", "ページ", "分页"),
    "Previous": ("Trang trước", "이전", "前へ", "上一页"),
    "Next": ("Trang sau", "다음", "次へ", "下一页"),
    # search/ (the search page, its facets and result cards)
    "Fairs and events": ("Hội chợ và sự kiện", "박람회 및 행사", "見本市・イベント", "展会与活动"),
    "Official documents": ("Văn bản", "공문서", "公文書", "公文"),
    "Local product": ("Sản phẩm địa phương", "지역 특산품", "地域産品", "地方产品"),
    "Fair or event": ("Hội chợ, sự kiện", "박람회·행사", "見本市・イベント", "展会或活动"),
    "Investment opportunity": ("Cơ hội đầu tư", "투자 기회", "投資機会", "投资机会"),
    "Official document": ("Văn bản", "공문서", "公文書", "公文"),
    "Search is unavailable right now. Please try again in a minute.": (
        "Chức năng tìm kiếm tạm thời không hoạt động. Vui lòng thử lại sau ít phút.",
        "지금은 검색을 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.",
        "現在、検索を利用できません。しばらくしてからもう一度お試しください。",
        "搜索暂时无法使用，请稍后再试。"),
    "Section": ("Chuyên mục", "분야", "カテゴリー", "栏目"),
    "Search: %(query)s": ("Tìm kiếm: %(query)s", "검색: %(query)s", "検索: %(query)s", "搜索：%(query)s"),
    "Search the catalogue": ("Tìm kiếm trên trang", "사이트 검색", "サイト内検索", "站内搜索"),
    "Search products, fairs, places, opportunities, news and documents": (
        "Tìm sản phẩm, hội chợ, địa điểm, cơ hội đầu tư, tin tức và văn bản",
        "특산품, 박람회, 명소, 투자 기회, 뉴스, 공문서 검색",
        "産品・見本市・観光地・投資機会・ニュース・公文書を検索",
        "搜索产品、展会、景点、投资机会、新闻和公文"),
    "Tip: diacritics are optional (“nui cau” finds “Núi Cậu”). Put a phrase in quotes; put - before a word to leave it out.": (
        "Mẹo: có thể gõ không dấu (“nui cau” vẫn tìm thấy “Núi Cậu”). Đặt cụm từ trong dấu ngoặc kép; "
        "thêm dấu - trước một từ để loại bỏ từ đó.",
        "팁: 베트남어 성조 표시는 생략해도 됩니다(“nui cau”로 “Núi Cậu”를 찾습니다). 구절은 따옴표로 "
        "묶고, 제외할 단어 앞에는 -를 붙이세요.",
        "ヒント: ベトナム語の声調記号は省略できます（“nui cau” で “Núi Cậu” が見つかります）。語句は"
        "引用符で囲み、除外する語の前には - を付けます。",
        "提示：越南语声调符号可以省略（输入“nui cau”即可找到“Núi Cậu”）。用引号括住短语；在词前加 - "
        "可排除该词。"),
    "Search suggestions": ("Gợi ý tìm kiếm", "검색어 제안", "検索候補", "搜索建议"),
    ("%(number)s suggestion. Use up and down arrows to choose.",
     "%(number)s suggestions. Use up and down arrows to choose."): (
        "%(number)s gợi ý. Dùng phím mũi tên lên, xuống để chọn.",
        "제안 %(number)s개. 위아래 화살표 키로 선택하세요.",
        "候補 %(number)s 件。上下の矢印キーで選択できます。",
        "%(number)s 条建议。使用上下箭头键选择。"),
    "Apply filters": ("Áp dụng bộ lọc", "필터 적용", "絞り込みを適用", "应用筛选"),
    "Refine": ("Thu hẹp kết quả", "결과 좁히기", "絞り込み", "筛选结果"),
    "Only fairs not yet over": ("Chỉ hội chợ chưa kết thúc", "종료되지 않은 박람회만",
                                "終了していない見本市のみ", "仅显示尚未结束的展会"),
    ("%(counter)s result for “%(q)s”", "%(counter)s results for “%(q)s”"): (
        "%(counter)s kết quả cho “%(q)s”", "“%(q)s” 검색 결과 %(counter)s건",
        "“%(q)s” の検索結果 %(counter)s 件", "“%(q)s”的搜索结果：%(counter)s 条"),
    "Recommended": ("Đề xuất", "추천", "おすすめ", "推荐"),
    "Available in %(language)s": ("Có bằng %(language)s", "%(language)s로 제공", "%(language)sで掲載",
                                  "以%(language)s提供"),
    "from": ("từ", "최저", "最低価格", "起价"),
    "Result pages": ("Các trang kết quả", "결과 페이지", "結果ページ", "结果分页"),
    "Page %(n)s of %(total)s": ("Trang %(n)s / %(total)s", "%(total)s페이지 중 %(n)s페이지",
                                "%(n)s / %(total)s ページ", "第 %(n)s 页，共 %(total)s 页"),
    "Nothing matched “%(q)s”.": ("Không tìm thấy kết quả cho “%(q)s”.", "“%(q)s”에 대한 검색 결과가 없습니다.",
                                 "“%(q)s” に一致する結果はありません。", "没有找到与“%(q)s”匹配的结果。"),
    "Check the spelling, or try fewer or more general words.": (
        "Kiểm tra chính tả, hoặc thử ít từ hơn hay từ khái quát hơn.",
        "맞춤법을 확인하거나 더 적은 단어, 더 일반적인 단어로 검색해 보세요.",
        "綴りを確認するか、語数を減らしたり、より一般的な語で検索したりしてみてください。",
        "请检查拼写，或尝试减少关键词、使用更通用的词语。"),
    "Try the Vietnamese name of a place, with or without diacritics.": (
        "Thử tên tiếng Việt của địa danh, có dấu hoặc không dấu.",
        "장소의 베트남어 이름으로 검색해 보세요(성조 표시는 없어도 됩니다).",
        "地名はベトナム語名でも検索できます（声調記号なしでも可）。",
        "可尝试输入地名的越南语名称，带不带声调符号均可。"),
    "Search again without filters": ("Tìm lại không dùng bộ lọc", "필터 없이 다시 검색",
                                     "絞り込みを外して再検索", "取消筛选重新搜索"),
    "Or browse a section:": ("Hoặc xem theo chuyên mục:", "또는 분야별로 둘러보기:",
                             "またはカテゴリーから探す:", "或按栏目浏览："),
}


HEADERS = {
    "Project-Id-Version": "dautieng-promo",
    "Last-Translator": "Dầu Tiếng promotion team",
    "Language-Team": "Dầu Tiếng promotion team",
    "PO-Revision-Date": "2026-11-27 00:00+0700",
}


def lookup(entry):
    """The entry's translations; plural msgids are keyed by (msgid, msgid_plural)."""
    return T.get((entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid)


def main():
    # The table wins over what the .po holds, obsolete entries included; only msgids that are
    # neither in the table nor translated in the .po are reported.
    missing = fill_catalog(HERE, lookup, metadata={**HEADERS, "Plural-Forms": ONE_PLURAL_FORM,
                                                   "Content-Type": CONTENT_TYPE},
                           overwrite=True, fill_obsolete=True, report_translated=False)
    # English: msgids are English, so an empty catalogue falls back to them; only its header is set.
    if (HERE / "en" / "LC_MESSAGES" / "django.po").exists():
        fill_catalog(HERE, lambda entry: None, ("en",), metadata={**HEADERS, "Content-Type": CONTENT_TYPE})
    for msgid in sorted(missing):
        print("untranslated:", msgid)
    print(f"{len(T)} known msgids, {len(missing)} untranslated")


if __name__ == "__main__":
    main()
