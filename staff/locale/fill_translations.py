"""Fill the staff app's interface translations and compile them.

    cd staff && ../.venv/bin/python ../manage.py makemessages -l vi -l ko -l ja -l zh_Hans
    (templates/staff is outside the app: copy or symlink it in for that run)
    .venv/bin/python staff/locale/fill_translations.py

Msgids missing from the table are reported; hand-made translations are kept unless empty or fuzzy.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "locale"))  # locale/catalog.py
from catalog import fill_catalog

HERE = Path(__file__).resolve().parent

# msgid: (vi, ko, ja, zh-hans); plural msgids map to the one form these languages use
T = {
    "Local products": ("Sản phẩm địa phương", "지역 특산품", "地域産品", "地方产品"),
    "Trade fairs and events": ("Hội chợ, sự kiện", "박람회·행사", "見本市・イベント", "展会与活动"),
    "Tourism": ("Du lịch", "관광", "観光", "旅游"),
    "Investment opportunities": ("Cơ hội đầu tư", "투자 기회", "投資機会", "投资机会"),
    "News": ("Tin tức", "뉴스", "ニュース", "新闻"),
    "Kind of item": ("Loại nội dung", "항목 종류", "項目の種類", "条目类型"),
    "Spreadsheet": ("Bảng tính", "스프레드시트", "スプレッドシート", "电子表格"),
    "A .xlsx or .csv file whose first row names the columns.": (
        "Tệp .xlsx hoặc .csv, dòng đầu tiên ghi tên các cột.",
        "첫 행에 열 이름이 있는 .xlsx 또는 .csv 파일.",
        "1 行目に列名を書いた .xlsx または .csv ファイル。",
        "第一行为列名的 .xlsx 或 .csv 文件。"),
    "Upload a .xlsx or .csv file.": (
        "Hãy tải lên tệp .xlsx hoặc .csv.", ".xlsx 또는 .csv 파일을 올려 주세요.",
        ".xlsx または .csv ファイルをアップロードしてください。", "请上传 .xlsx 或 .csv 文件。"),
    "The file is larger than 5 MB; split it.": (
        "Tệp lớn hơn 5 MB; hãy chia nhỏ.", "파일이 5MB를 넘습니다. 나누어 올려 주세요.",
        "ファイルが 5 MB を超えています。分割してください。", "文件超过 5 MB，请拆分。"),
    "The file is not a readable XLSX workbook.": (
        "Tệp không phải bảng tính XLSX đọc được.", "읽을 수 있는 XLSX 통합 문서가 아닙니다.",
        "読み込める XLSX ブックではありません。", "该文件不是可读取的 XLSX 工作簿。"),
    "The CSV file is not UTF-8 text.": (
        "Tệp CSV không phải văn bản UTF-8.", "CSV 파일이 UTF-8 텍스트가 아닙니다.",
        "CSV ファイルが UTF-8 テキストではありません。", "CSV 文件不是 UTF-8 文本。"),
    "The sheet is empty.": ("Bảng tính trống.", "시트가 비어 있습니다.", "シートが空です。",
                            "工作表为空。"),
    "The sheet has more than %(max)d rows; split it.": (
        "Bảng tính có hơn %(max)d dòng; hãy chia nhỏ.", "시트가 %(max)d행을 넘습니다. 나누어 주세요.",
        "シートが %(max)d 行を超えています。分割してください。", "工作表超过 %(max)d 行，请拆分。"),
    "That upload is no longer held; upload the file again.": (
        "Tệp đã tải lên không còn được lưu; hãy tải lên lại.",
        "올린 파일이 더 이상 보관되어 있지 않습니다. 다시 올려 주세요.",
        "アップロードしたファイルはもう保持されていません。もう一度アップロードしてください。",
        "上传的文件已不再保留，请重新上传。"),
    "Import spreadsheet": ("Nhập bảng tính", "스프레드시트 가져오기", "スプレッドシートの取り込み",
                           "导入电子表格"),
    "Check the spreadsheet": ("Kiểm tra bảng tính", "스프레드시트 확인", "スプレッドシートを確認",
                              "检查电子表格"),
    "The spreadsheet has problems; nothing was imported.": (
        "Bảng tính còn lỗi; chưa nhập gì.", "스프레드시트에 문제가 있어 아무것도 가져오지 않았습니다.",
        "スプレッドシートに問題があるため、何も取り込んでいません。", "电子表格有问题，未导入任何内容。"),
    "The site changed since the preview; check the problems again. Nothing was imported.": (
        "Trang web đã thay đổi sau khi xem trước; hãy kiểm tra lại các lỗi. Chưa nhập gì.",
        "미리보기 후 사이트가 바뀌었습니다. 문제를 다시 확인하세요. 아무것도 가져오지 않았습니다.",
        "プレビュー後にサイトが変わりました。問題をもう一度確認してください。何も取り込んでいません。",
        "预览后网站已有变化，请重新检查问题。未导入任何内容。"),
    "Imported %(total)d rows: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.": (
        "Đã nhập %(total)d dòng: tạo mới %(created)d, cập nhật %(updated)d, "
        "không đổi %(unchanged)d.",
        "%(total)d행을 가져왔습니다: 새로 만듦 %(created)d, 수정 %(updated)d, 변경 없음 %(unchanged)d.",
        "%(total)d 行を取り込みました：新規 %(created)d、更新 %(updated)d、変更なし %(unchanged)d。",
        "已导入 %(total)d 行：新建 %(created)d，更新 %(updated)d，未变 %(unchanged)d。"),
    "Catalogue tools": ("Công cụ danh mục", "카탈로그 도구", "カタログツール", "目录工具"),
    "One sheet holds one kind of item.": (
        "Mỗi bảng tính chỉ chứa một loại nội dung. Dòng đầu tiên ghi tên các cột theo các khóa "
        "của định dạng danh mục; để trống ô nào thì giá trị đó được bỏ qua. Nhiều thẻ trong một ô "
        "thì ngăn cách bằng dấu phẩy. Không có gì được nhập cho đến khi bạn xem trước và xác nhận.",
        "시트 하나에는 한 종류의 항목만 담습니다. 첫 행에는 카탈로그 형식의 키로 열 이름을 씁니다. "
        "값을 생략하려면 칸을 비워 두세요. 태그 여러 개는 한 칸에 쉼표로 구분해 씁니다. "
        "미리보기를 확인하고 승인하기 전에는 아무것도 가져오지 않습니다.",
        "1 つのシートには 1 種類の項目だけを入れます。1 行目にはカタログ形式のキーで列名を書きます。"
        "値を省くときはセルを空にしてください。複数のタグは 1 つのセルにカンマ区切りで書きます。"
        "プレビューを確認して確定するまで、何も取り込まれません。",
        "一个工作表只放一类条目。第一行按目录格式的键写列名；单元格留空即省略该值。"
        "多个标签写在同一单元格中，用逗号分隔。在您查看预览并确认之前，不会导入任何内容。"),
    "Templates": ("Mẫu", "템플릿", "テンプレート", "模板"),
    "Each template has the columns of its kind and one example row to replace.": (
        "Mỗi mẫu có các cột của loại nội dung đó và một dòng ví dụ để thay bằng dữ liệu thật.",
        "각 템플릿에는 해당 종류의 열과 바꿔 쓸 예시 한 행이 들어 있습니다.",
        "各テンプレートには、その種類の列と、書き換える例の行が 1 行入っています。",
        "每个模板包含该类条目的各列，以及一行待替换的示例。"),
    "Download": ("Tải về", "내려받기", "ダウンロード", "下载"),
    "%(name)s: %(rows)s row.": ("%(name)s: %(rows)s dòng.", "%(name)s: %(rows)s행.",
                                "%(name)s：%(rows)s 行。", "%(name)s：%(rows)s 行。"),
    "%(counter)s problem must be fixed": (
        "Cần sửa %(counter)s lỗi trong bảng tính trước khi có thể nhập:",
        "가져오기 전에 스프레드시트에서 문제 %(counter)s개를 고쳐야 합니다:",
        "取り込む前に、スプレッドシートの問題を %(counter)s 件直す必要があります：",
        "导入前须在电子表格中修正 %(counter)s 个问题："),
    "Header row": ("Dòng tiêu đề", "머리글 행", "見出し行", "标题行"),
    "Row %(row)s": ("Dòng %(row)s", "%(row)s행", "%(row)s 行目", "第 %(row)s 行"),
    "column “%(column)s”": ("cột “%(column)s”", "“%(column)s” 열", "列「%(column)s」",
                            "“%(column)s”列"),
    "whole row": ("cả dòng", "행 전체", "行全体", "整行"),
    "Imported items are published at once": (
        "Nội dung được nhập sẽ đăng ngay, nên chỉ người có quyền xuất bản trong mục này mới xác "
        "nhận được việc nhập.",
        "가져온 항목은 바로 게시되므로, 이 섹션에 게시 권한이 있는 사람만 가져오기를 승인할 수 있습니다.",
        "取り込んだ項目はすぐに公開されるため、このセクションで公開権限を持つ人だけが取り込みを確定できます。",
        "导入的条目会立即发布，因此只有在本栏目有发布权限的人才能确认导入。"),
    "Row": ("Dòng", "행", "行", "行"),
    "This cell has a problem": ("Ô này có lỗi", "이 칸에 문제가 있습니다", "このセルに問題があります",
                                "此单元格有问题"),
    "Import and publish %(counter)s item": (
        "Nhập và đăng %(counter)s mục", "%(counter)s개 항목 가져와 게시",
        "%(counter)s 件を取り込んで公開", "导入并发布 %(counter)s 个条目"),
    "Upload another file": ("Tải lên tệp khác", "다른 파일 올리기", "別のファイルをアップロード",
                            "上传其他文件"),
    "New enquiries": ("Yêu cầu thông tin mới", "새 문의", "新しい問い合わせ", "新咨询"),
    "%(counter)s enquiry in the last 7 days.": (
        "%(counter)s yêu cầu trong 7 ngày qua.", "최근 7일간 문의 %(counter)s건.",
        "過去 7 日間の問い合わせ %(counter)s 件。", "近 7 天咨询 %(counter)s 条。"),
    "Received": ("Nhận lúc", "받은 시각", "受付日時", "收到时间"),
    "From": ("Người gửi", "보낸 사람", "差出人", "发件人"),
    "Kind": ("Loại", "종류", "種類", "类型"),
    "About": ("Về", "대상", "対象", "涉及"),
    "Waiting for review": ("Đang chờ duyệt", "검토 대기", "審査待ち", "等待审核"),
    "Page": ("Trang", "페이지", "ページ", "页面"),
    "Language": ("Ngôn ngữ", "언어", "言語", "语言"),
    "Task": ("Bước duyệt", "작업", "タスク", "任务"),
    "Submitted by": ("Người gửi duyệt", "제출자", "提出者", "提交人"),
    "Submitted": ("Gửi lúc", "제출 시각", "提出", "提交时间"),
    "No pages are waiting for review.": ("Không có trang nào đang chờ duyệt.",
                                         "검토를 기다리는 페이지가 없습니다.",
                                         "審査待ちのページはありません。", "没有等待审核的页面。"),
    "Searches in the last 30 days": ("Lượt tìm kiếm trong 30 ngày qua", "최근 30일 검색",
                                     "過去 30 日間の検索", "近 30 天的搜索"),
    "%(counter)s search.": ("%(counter)s lượt tìm kiếm.", "검색 %(counter)s회.",
                            "検索 %(counter)s 回。", "搜索 %(counter)s 次。"),
    "Top queries": ("Từ khóa được tìm nhiều nhất", "많이 찾은 검색어", "よく検索された語句",
                    "热门搜索词"),
    "Query": ("Từ khóa", "검색어", "検索語", "搜索词"),
    "Searches": ("Lượt tìm", "검색 수", "検索数", "次数"),
    "Queries with no results": ("Từ khóa không có kết quả", "결과가 없는 검색어",
                                "結果がなかった検索語", "无结果的搜索词"),
    "Every search found something.": ("Lượt tìm kiếm nào cũng có kết quả.",
                                      "모든 검색에 결과가 있었습니다.",
                                      "すべての検索で結果が見つかりました。", "每次搜索都有结果。"),
    "No searches yet.": ("Chưa có lượt tìm kiếm nào.", "아직 검색이 없습니다.",
                         "まだ検索はありません。", "暂无搜索。"),
    "Fairs in the next 60 days": ("Hội chợ trong 60 ngày tới", "앞으로 60일간의 박람회",
                                  "今後 60 日間の見本市", "未来 60 天的展会"),
    "Fair": ("Hội chợ", "박람회", "見本市", "展会"),
    "Dates": ("Thời gian", "기간", "日程", "日期"),
    "Venue": ("Địa điểm", "장소", "会場", "地点"),
    "No published fair starts in the next 60 days.": (
        "Không có hội chợ đã đăng nào bắt đầu trong 60 ngày tới.",
        "앞으로 60일 안에 시작하는 게시된 박람회가 없습니다.",
        "今後 60 日以内に始まる公開中の見本市はありません。", "未来 60 天内没有已发布的展会开幕。"),
}


def lookup(msgid):
    if msgid in T:
        return T[msgid]
    # Long template paragraphs are keyed by their first sentence.
    for key, value in T.items():
        if msgid.startswith(key):
            return value
    return None


def main():
    # Hand-made translations are kept unless empty or fuzzy; every msgid not in the table is reported.
    missing = fill_catalog(HERE, lambda entry: lookup(entry.msgid))
    for msgid in sorted(missing):
        print("missing:", msgid)


if __name__ == "__main__":
    main()
