"""Write the enquiries app's translations and compile them (no GNU gettext needed).

    .venv/bin/python enquiries/locale/fill_translations.py

The table is the source of truth for this app's strings: add a row when you add a msgid.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "locale"))  # locale/catalog.py
from catalog import LANGS, write_catalog

HERE = Path(__file__).resolve().parent

# msgid: (vi, ko, ja, zh-hans)
T = {
    # countries.py
    "Vietnam": ("Việt Nam", "베트남", "ベトナム", "越南"),
    "South Korea": ("Hàn Quốc", "대한민국", "韓国", "韩国"),
    "Japan": ("Nhật Bản", "일본", "日本", "日本"),
    "China": ("Trung Quốc", "중국", "中国", "中国"),
    # Named as in Vietnam's official statistics (e.g. FDI by partner).
    "Taiwan (China)": ("Đài Loan (Trung Quốc)", "대만(중국)", "台湾（中国）", "中国台湾"),
    "Hong Kong (China)": ("Hồng Kông (Trung Quốc)", "홍콩(중국)", "香港（中国）", "中国香港"),
    "Singapore": ("Singapore", "싱가포르", "シンガポール", "新加坡"),
    "Thailand": ("Thái Lan", "태국", "タイ", "泰国"),
    "Malaysia": ("Malaysia", "말레이시아", "マレーシア", "马来西亚"),
    "Indonesia": ("Indonesia", "인도네시아", "インドネシア", "印度尼西亚"),
    "Philippines": ("Philippines", "필리핀", "フィリピン", "菲律宾"),
    "Cambodia": ("Campuchia", "캄보디아", "カンボジア", "柬埔寨"),
    "Laos": ("Lào", "라오스", "ラオス", "老挝"),
    "India": ("Ấn Độ", "인도", "インド", "印度"),
    "Australia": ("Úc", "호주", "オーストラリア", "澳大利亚"),
    "New Zealand": ("New Zealand", "뉴질랜드", "ニュージーランド", "新西兰"),
    "United States": ("Hoa Kỳ", "미국", "アメリカ合衆国", "美国"),
    "Canada": ("Canada", "캐나다", "カナダ", "加拿大"),
    "United Kingdom": ("Vương quốc Anh", "영국", "イギリス", "英国"),
    "Germany": ("Đức", "독일", "ドイツ", "德国"),
    "France": ("Pháp", "프랑스", "フランス", "法国"),
    "Netherlands": ("Hà Lan", "네덜란드", "オランダ", "荷兰"),
    "Belgium": ("Bỉ", "벨기에", "ベルギー", "比利时"),
    "Italy": ("Ý", "이탈리아", "イタリア", "意大利"),
    "Spain": ("Tây Ban Nha", "스페인", "スペイン", "西班牙"),
    "Switzerland": ("Thụy Sĩ", "스위스", "スイス", "瑞士"),
    "Sweden": ("Thụy Điển", "스웨덴", "スウェーデン", "瑞典"),
    "Denmark": ("Đan Mạch", "덴마크", "デンマーク", "丹麦"),
    "Israel": ("Israel", "이스라엘", "イスラエル", "以色列"),
    "United Arab Emirates": ("Các Tiểu vương quốc Ả Rập Thống nhất", "아랍에미리트",
                             "アラブ首長国連邦", "阿联酋"),
    "Other country": ("Quốc gia khác", "기타 국가", "その他の国", "其他国家"),
    # models.py
    "Interest in an opportunity": ("Quan tâm đến cơ hội đầu tư", "투자 기회 관심 표명",
                                   "投資案件への関心", "投资机会意向"),
    "General enquiry": ("Liên hệ chung", "일반 문의", "一般のお問い合わせ", "一般咨询"),
    "Pending": ("Đang chờ", "대기 중", "送信待ち", "待发送"),
    "Sent": ("Đã gửi", "발송됨", "送信済み", "已发送"),
    "Failed": ("Gửi lỗi", "발송 실패", "送信失敗", "发送失败"),
    "kind": ("loại", "유형", "種類", "类型"),
    "opportunity": ("cơ hội đầu tư", "투자 기회", "投資案件", "投资机会"),
    "opportunity reference": ("mã cơ hội đầu tư", "투자 기회 참조 번호", "投資案件の参照番号",
                              "投资机会编号"),
    "opportunity title": ("tên cơ hội đầu tư", "투자 기회 제목", "投資案件名", "投资机会名称"),
    "language": ("ngôn ngữ", "언어", "言語", "语言"),
    "name": ("họ tên", "이름", "氏名", "姓名"),
    "company": ("công ty", "회사", "会社", "公司"),
    "country": ("quốc gia", "국가", "国", "国家"),
    "email": ("email", "이메일", "メール", "电子邮件"),
    "phone": ("điện thoại", "전화", "電話", "电话"),
    "message": ("nội dung", "메시지", "メッセージ", "留言"),
    "consent to be contacted": ("đồng ý được liên hệ", "연락 수신 동의", "連絡を受けることへの同意",
                                "同意接受联系"),
    "received": ("ngày nhận", "접수일시", "受信日時", "收到时间"),
    "sent to": ("gửi tới", "수신처", "送信先", "发送至"),
    "email status": ("trạng thái email", "이메일 상태", "メール送信状況", "邮件状态"),
    "email error": ("lỗi email", "이메일 오류", "メール送信エラー", "邮件错误"),
    "enquiry": ("yêu cầu liên hệ", "문의", "お問い合わせ", "咨询"),
    "enquiries": ("yêu cầu liên hệ", "문의", "お問い合わせ", "咨询"),
    # forms.py
    "I agree to be contacted about this enquiry and to my details being kept for that purpose.": (
        "Tôi đồng ý được liên hệ về yêu cầu này và đồng ý để thông tin của tôi được lưu giữ cho "
        "mục đích đó.",
        "이 문의와 관련하여 연락받는 것과 이를 위해 제 정보가 보관되는 것에 동의합니다.",
        "このお問い合わせについて連絡を受けること、およびそのために私の情報が保管されることに同意します。",
        "我同意就本次咨询与我联系，并同意为此保存我的信息。"),
    "Please agree to be contacted, or we cannot reply.": (
        "Vui lòng đồng ý để chúng tôi liên hệ, nếu không chúng tôi không thể trả lời.",
        "연락 수신에 동의해 주세요. 동의하지 않으시면 답변을 드릴 수 없습니다.",
        "連絡を受けることに同意してください。同意がないとご返信できません。",
        "请同意我们与您联系，否则我们无法回复。"),
    "Country": ("Quốc gia", "국가", "国・地域", "国家/地区"),
    "Choose a country": ("Chọn quốc gia", "국가 선택", "国を選択してください", "请选择国家"),
    "Leave this field empty": ("Để trống ô này", "이 칸은 비워 두세요", "この欄は空欄のままにしてください",
                               "此栏请留空"),
    "Your name": ("Họ và tên", "성명", "お名前", "您的姓名"),
    "Company or organisation": ("Công ty hoặc tổ chức", "회사 또는 기관", "会社・団体名", "公司或机构"),
    "Email address": ("Địa chỉ email", "이메일 주소", "メールアドレス", "电子邮箱"),
    "Phone number": ("Số điện thoại", "전화번호", "電話番号", "电话号码"),
    "Message": ("Nội dung", "메시지", "メッセージ", "留言"),
    "We reply to this address.": ("Chúng tôi sẽ trả lời đến địa chỉ này.", "이 주소로 답변을 드립니다.",
                                  "このアドレスにご返信します。", "我们将回复至此邮箱。"),
    "With the country code, e.g. +82 2 1234 5678.": (
        "Kèm mã quốc gia, ví dụ +84 274 123 4567.", "국가 번호를 포함해 주세요. 예: +82 2 1234 5678",
        "国番号から入力してください。例：+81 3 1234 5678", "请包含国家代码，例如 +86 10 1234 5678。"),
    "Please enter your name.": ("Vui lòng nhập họ tên.", "이름을 입력해 주세요.",
                                "お名前を入力してください。", "请输入您的姓名。"),
    "Please enter your email address.": ("Vui lòng nhập địa chỉ email.", "이메일 주소를 입력해 주세요.",
                                         "メールアドレスを入力してください。", "请输入您的电子邮箱。"),
    "Please enter an email address like name@example.com.": (
        "Vui lòng nhập địa chỉ email dạng ten@example.com.",
        "name@example.com 형식의 이메일 주소를 입력해 주세요.",
        "name@example.com のような形式でメールアドレスを入力してください。",
        "请输入有效的电子邮箱，例如 name@example.com。"),
    "Please write a message.": ("Vui lòng nhập nội dung.", "메시지를 입력해 주세요.",
                                "メッセージを入力してください。", "请填写留言内容。"),
    "Optional: what you plan, the area or capital you have in mind, your timing.": (
        "Không bắt buộc: dự định của bạn, diện tích hoặc vốn dự kiến, thời gian.",
        "선택 사항: 계획 내용, 희망 면적 또는 투자 규모, 일정 등.",
        "任意：ご計画の内容、想定している面積や投資額、時期など。",
        "选填：您的计划、意向面积或投资额、时间安排。"),
    # delivery.py and the e-mail (read by staff, but kept translatable)
    "Investor enquiry: %(title)s [%(ref)s]": (
        "Nhà đầu tư quan tâm: %(title)s [%(ref)s]", "투자자 문의: %(title)s [%(ref)s]",
        "投資家からのお問い合わせ：%(title)s [%(ref)s]", "投资者咨询：%(title)s [%(ref)s]"),
    "Website enquiry from %(name)s": (
        "Liên hệ từ trang web: %(name)s", "웹사이트 문의: %(name)s",
        "ウェブサイトからのお問い合わせ：%(name)s", "网站咨询：%(name)s"),
    "Opportunity": ("Cơ hội đầu tư", "투자 기회", "投資案件", "投资机会"),
    "Name": ("Họ tên", "이름", "氏名", "姓名"),
    "Company": ("Công ty", "회사", "会社", "公司"),
    "Email": ("Email", "이메일", "メール", "电子邮件"),
    "Phone": ("Điện thoại", "전화", "電話", "电话"),
    "Language of the visitor": ("Ngôn ngữ của người gửi", "방문자 언어", "送信者の言語", "访客语言"),
    "Received": ("Ngày nhận", "접수일시", "受信日時", "收到时间"),
    "Reply to this email to answer the visitor. The enquiry is also listed in the admin under "
    "“Enquiries”.": (
        "Trả lời email này để phản hồi người gửi. Yêu cầu cũng được lưu trong trang quản trị, "
        "mục “Yêu cầu liên hệ”.",
        "이 이메일에 회신하면 방문자에게 답변됩니다. "
        "문의 내용은 관리자 화면의 “문의” 메뉴에서도 볼 수 있습니다.",
        "このメールに返信すると送信者に届きます。お問い合わせは管理画面の「お問い合わせ」にも保存されています。",
        "回复此邮件即可答复访客。该咨询也保存在管理后台的“咨询”中。"),
    # admin_views.py
    "Enquiries": ("Yêu cầu liên hệ", "문의", "お問い合わせ", "咨询"),
    "Kind": ("Loại", "유형", "種類", "类型"),
    "Email status": ("Trạng thái email", "이메일 상태", "メール送信状況", "邮件状态"),
    "Opportunity reference": ("Mã cơ hội đầu tư", "투자 기회 참조 번호", "投資案件の参照番号",
                              "投资机会编号"),
    # templates
    "required": ("bắt buộc", "필수", "必須", "必填"),
    "Please correct the following": ("Vui lòng sửa các mục sau", "다음 항목을 수정해 주세요",
                                     "次の項目を修正してください", "请更正以下内容"),
    "Fields marked “required” must be filled in.": (
        "Các ô ghi “bắt buộc” phải được điền.", "“필수”로 표시된 항목은 반드시 입력해야 합니다.",
        "「必須」と表示された項目は必ず入力してください。", "标有“必填”的项目必须填写。"),
    "Express interest": ("Đăng ký quan tâm", "관심 표명하기", "関心を伝える", "表达投资意向"),
    "Tell the investment promotion office that you are interested in “%(title)s”. We will answer "
    "in your language where we can, usually within five working days.": (
        "Hãy cho Văn phòng xúc tiến đầu tư biết bạn quan tâm đến “%(title)s”. Chúng tôi sẽ trả lời "
        "bằng ngôn ngữ của bạn khi có thể, thường trong vòng năm ngày làm việc.",
        "“%(title)s”에 관심이 있음을 투자진흥사무소에 알려 주세요. 가능한 한 귀하의 언어로, "
        "보통 영업일 기준 5일 이내에 답변드립니다.",
        "「%(title)s」に関心があることを投資促進事務所にお知らせください。できる限りご利用の言語で、"
        "通常5営業日以内にご返信します。",
        "请告诉投资促进办公室您对“%(title)s”感兴趣。我们会尽可能使用您的语言，通常在五个工作日内答复。"),
    "Send my interest": ("Gửi đăng ký quan tâm", "관심 표명 보내기", "関心を送信する", "提交意向"),
    "Opportunity: %(title)s (ref. %(ref)s)": (
        "Cơ hội đầu tư: %(title)s (mã %(ref)s)", "투자 기회: %(title)s (참조 번호 %(ref)s)",
        "投資案件：%(title)s（参照番号 %(ref)s）", "投资机会：%(title)s（编号 %(ref)s）"),
    "Back to the opportunity": ("Quay lại cơ hội đầu tư", "투자 기회로 돌아가기", "投資案件に戻る",
                                "返回投资机会"),
    "Contact us": ("Liên hệ", "문의하기", "お問い合わせ", "联系我们"),
    "Write to the Dầu Tiếng trade and investment promotion office.": (
        "Gửi thư cho Văn phòng xúc tiến thương mại và đầu tư Dầu Tiếng.",
        "Dầu Tiếng 무역·투자진흥사무소에 문의하세요.",
        "Dầu Tiếng 貿易・投資促進事務所へのお問い合わせ。",
        "联系 Dầu Tiếng 贸易与投资促进办公室。"),
    "Questions about products, fairs, visiting or investing in Dầu Tiếng? Write to us in your "
    "language; we usually answer within five working days.": (
        "Bạn có câu hỏi về sản phẩm, hội chợ, du lịch hay đầu tư tại Dầu Tiếng? Hãy viết cho chúng "
        "tôi bằng ngôn ngữ của bạn; chúng tôi thường trả lời trong vòng năm ngày làm việc.",
        "Dầu Tiếng의 특산품, 박람회, 관광 또는 투자에 대해 궁금한 점이 있으신가요? 편하신 언어로 "
        "문의해 주세요. 보통 영업일 기준 5일 이내에 답변드립니다.",
        "Dầu Tiếngの特産品、見本市、観光、投資についてご質問はありますか。ご自身の言語でお気軽に"
        "お問い合わせください。通常5営業日以内にご返信します。",
        "对 Dầu Tiếng 的产品、展会、旅游或投资有疑问吗？"
        "欢迎用您的语言与我们联系，我们通常在五个工作日内答复。"),
    "You can also reach the office directly:": (
        "Bạn cũng có thể liên hệ trực tiếp với văn phòng:", "사무소로 직접 연락하실 수도 있습니다:",
        "事務所へ直接ご連絡いただくこともできます：", "您也可以直接联系办公室："),
    "Send message": ("Gửi tin nhắn", "메시지 보내기", "送信する", "发送"),
    "Thank you": ("Cảm ơn", "감사합니다", "ありがとうございます", "谢谢"),
    "Thank you — your message has been received": (
        "Cảm ơn bạn — chúng tôi đã nhận được tin nhắn", "감사합니다 — 메시지가 접수되었습니다",
        "ありがとうございます — メッセージを受け付けました", "谢谢 — 我们已收到您的留言"),
    "The office will reply to the email address you gave, usually within five working days.": (
        "Văn phòng sẽ trả lời đến địa chỉ email bạn đã cung cấp, thường trong vòng năm ngày làm việc.",
        "사무소에서 입력하신 이메일 주소로 보통 영업일 기준 5일 이내에 답변드립니다.",
        "事務所より、ご入力いただいたメールアドレスへ通常5営業日以内にご返信します。",
        "办公室将回复至您填写的电子邮箱，通常在五个工作日内。"),
    "Back to the home page": ("Về trang chủ", "홈페이지로 돌아가기", "ホームページに戻る", "返回首页"),
    "Too many messages": ("Quá nhiều tin nhắn", "메시지가 너무 많습니다", "送信回数が多すぎます",
                          "留言过于频繁"),
    "We have received several messages from you in a short time. Please wait an hour and try "
    "again, or write to the office by email.": (
        "Chúng tôi đã nhận được nhiều tin nhắn từ bạn trong thời gian ngắn. Vui lòng chờ một giờ rồi "
        "thử lại, hoặc gửi email cho văn phòng.",
        "짧은 시간 동안 여러 건의 메시지가 접수되었습니다. 한 시간 후에 다시 시도하시거나 사무소로 "
        "이메일을 보내 주세요.",
        "短時間に複数のメッセージを受け付けました。1時間ほど待ってから再度お試しいただくか、"
        "事務所へメールでご連絡ください。",
        "您在短时间内发送了多条留言。请一小时后再试，或通过电子邮件联系办公室。"),
}

# msgid_plural entries: msgid: (msgid_plural, (vi, ko, ja, zh-hans)) — these languages have one form.
P = {
    "We use your details only to answer this enquiry and delete them after %(days)s day at the "
    "latest.": (
        "We use your details only to answer this enquiry and delete them after %(days)s days at "
        "the latest.",
        ("Chúng tôi chỉ dùng thông tin của bạn để trả lời yêu cầu này và xóa chúng chậm nhất sau "
         "%(days)s ngày.",
         "귀하의 정보는 이 문의에 답변하는 데에만 사용되며 늦어도 %(days)s일 후에 삭제됩니다.",
         "ご入力の情報はこのお問い合わせへの回答にのみ使用し、遅くとも%(days)s日後に削除します。",
         "您的信息仅用于答复本次咨询，最迟将在%(days)s天后删除。")),
}


def main():
    # No python-format flags in this catalogue, and its .po lines wrap at 100 columns.
    plurals = {(msgid, plural): translations for msgid, (plural, translations) in P.items()}
    count = write_catalog(HERE, "dautieng-promo enquiries", T, plurals, python_format=False, wrapwidth=100)
    print(f"{count} messages x {len(LANGS)} languages written.")


if __name__ == "__main__":
    main()
