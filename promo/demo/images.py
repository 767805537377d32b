"""Painted pictures for the demo catalogue (Pillow only, nothing downloaded).

Every item gets its own picture of what it is about, in the landscape of the place: the wooded
hills of Núi Cậu over Dầu Tiếng Lake, rubber plantations in straight rows, the Sài Gòn river, a
pagoda tower on a hillside, market stalls, fair tents, factory halls, orchards. `scene_for`
picks the scene from the item (its ref for the demo items, else its kind and category);
the item's ref seeds the time of day, the viewpoint and the arrangement, so no two pictures are
alike and the same ref always paints the same picture.

There is no text in the pixels: titles and captions are HTML, translated. The picture is
1600 × 1040 (the 40 : 26 proportion of the listing cards), and everything that matters sits
in its middle, so neither the card crop nor a narrow hero cuts it off. `SCENE_ALT` describes
each scene in the five languages for the image's alternative text.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

__all__ = ["SCENE_ALT", "alt_text", "make_demo_image", "scene_for"]

SIZE = (1600, 1040)

# time of day: sky top, sky horizon, sun colour, light tint for far hills, water
SKIES = {
    "dawn": ((112, 128, 178), (255, 196, 160), (255, 236, 200), (150, 140, 160), (150, 150, 180)),
    "morning": ((96, 160, 222), (214, 236, 246), (255, 250, 225), (140, 175, 185), (92, 150, 178)),
    "noon": ((52, 128, 208), (178, 218, 240), (255, 255, 240), (120, 165, 180), (60, 130, 170)),
    "golden": ((110, 150, 200), (250, 214, 150), (255, 225, 160), (170, 160, 140), (120, 140, 150)),
    "overcast": ((150, 164, 176), (214, 220, 222), (236, 236, 230), (150, 165, 165), (120, 145, 150)),
    "dusk": ((60, 52, 110), (240, 150, 112), (255, 200, 150), (120, 100, 130), (110, 90, 120)),
}
GREENS = [(38, 92, 60), (46, 110, 70), (58, 120, 72), (32, 84, 64)]

# scene -> {language: what the picture shows}, for the alternative text
SCENE_ALT = {
    "hills_lake": {
        "vi": "dãy đồi rừng xanh nhô lên bên mặt hồ",
        "en": "wooded hills rising above a lake",
        "ko": "호수 위로 솟은 숲이 우거진 언덕",
        "ja": "湖のほとりにそびえる緑の丘陵",
        "zh-hans": "湖畔林木葱郁的山丘",
    },
    "lake": {
        "vi": "mặt hồ rộng, đồi thấp phía xa và thuyền nhỏ",
        "en": "a wide lake with low hills and small boats",
        "ko": "낮은 산과 작은 배가 있는 넓은 호수",
        "ja": "低い山並みと小舟が浮かぶ広い湖",
        "zh-hans": "远山低矮、小船点点的开阔湖面",
    },
    "pagoda": {
        "vi": "ngọn tháp chín tầng và tượng Quan Âm trắng trên sườn đồi",
        "en": "a nine-storey tower and a white statue of Quan Âm on a hillside",
        "ko": "언덕 위의 9층탑과 흰 관음상",
        "ja": "丘の中腹に立つ九重の塔と白い観音像",
        "zh-hans": "山坡上的九层塔和白色观音像",
    },
    "rubber_village": {
        "vi": "hàng cây cao su thẳng tắp và những ngôi nhà công nhân mái ngói",
        "en": "straight rows of rubber trees and tiled workers' houses",
        "ko": "곧게 늘어선 고무나무와 기와지붕 노동자 주택",
        "ja": "まっすぐ並ぶゴムの木と瓦屋根の労働者住宅",
        "zh-hans": "整齐的橡胶树和瓦顶工人住房",
    },
    "rubber": {
        "vi": "rừng cao su trồng thẳng hàng",
        "en": "a rubber plantation planted in straight rows",
        "ko": "줄지어 심은 고무나무 농장",
        "ja": "整然と植えられたゴム農園",
        "zh-hans": "成行种植的橡胶园",
    },
    "boulders": {
        "vi": "những tảng đá tròn bên suối nhỏ dưới tán rừng",
        "en": "round boulders by a stream under the trees",
        "ko": "숲속 개울가의 둥근 바위들",
        "ja": "木陰の小川のそばに並ぶ丸い岩",
        "zh-hans": "林间小溪边的圆形巨石",
    },
    "dam": {
        "vi": "bờ đập dài ngăn mặt hồ rộng",
        "en": "a long dam holding back a wide lake",
        "ko": "넓은 호수를 막은 긴 댐",
        "ja": "広い湖をせき止める長いダム",
        "zh-hans": "拦住开阔湖面的长坝",
    },
    "river": {
        "vi": "khúc sông uốn lượn giữa hàng dừa",
        "en": "a river bend lined with coconut palms",
        "ko": "야자나무가 늘어선 굽이진 강",
        "ja": "ヤシの木が並ぶ川の湾曲部",
        "zh-hans": "椰林夹岸的河湾",
    },
    "market": {
        "vi": "các sạp chợ mái bạt bày trái cây và món ăn",
        "en": "market stalls under awnings with fruit and food",
        "ko": "차양 아래 과일과 음식을 파는 시장 가판대",
        "ja": "日よけの下に果物や料理が並ぶ市場の屋台",
        "zh-hans": "遮阳篷下摆满水果和食物的市场摊位",
    },
    "campsite": {
        "vi": "lều cắm trại bên hồ dưới chân đồi",
        "en": "camping tents by a lake below the hills",
        "ko": "산 아래 호숫가의 캠핑 텐트",
        "ja": "山のふもとの湖畔に張られたテント",
        "zh-hans": "山脚湖边的露营帐篷",
    },
    "bird_nest": {
        "vi": "tổ yến trắng trên khay, nhà yến và chim bay phía sau",
        "en": "white swiftlet nests on a tray, a swiftlet house and birds behind",
        "ko": "쟁반 위의 흰 제비집과 뒤편의 제비집 건물, 새들",
        "ja": "盆にのった白いツバメの巣と奥の燕舎、飛ぶ鳥",
        "zh-hans": "托盘上的白色燕窝，后方是燕屋和飞鸟",
    },
    "honey": {
        "vi": "hũ mật ong và thùng ong dưới rừng cao su",
        "en": "jars of honey and beehives under rubber trees",
        "ko": "고무나무 아래의 꿀병과 벌통",
        "ja": "ゴムの木の下の蜂蜜の瓶と巣箱",
        "zh-hans": "橡胶树下的蜂蜜罐和蜂箱",
    },
    "cashew": {
        "vi": "hạt điều và trái điều chín trên bàn gỗ",
        "en": "cashew nuts and ripe cashew apples on a wooden table",
        "ko": "나무 탁자 위의 캐슈너트와 익은 캐슈 열매",
        "ja": "木のテーブルの上のカシューナッツと熟したカシューアップル",
        "zh-hans": "木桌上的腰果和成熟的腰果梨",
    },
    "dried_fish": {
        "vi": "cá phơi trên giàn tre bên bờ hồ",
        "en": "fish drying on bamboo racks by the lake",
        "ko": "호숫가 대나무 건조대에서 말리는 생선",
        "ja": "湖畔の竹の干し台で干される魚",
        "zh-hans": "湖边竹架上晾晒的鱼",
    },
    "furniture": {
        "vi": "bộ bàn ghế gỗ cao su màu sáng",
        "en": "a light rubberwood table and chairs",
        "ko": "밝은 색 고무나무 식탁과 의자",
        "ja": "明るい色のゴムの木のテーブルと椅子",
        "zh-hans": "浅色橡胶木桌椅",
    },
    "tea": {
        "vi": "tách trà gừng nóng bên củ gừng và mật ong",
        "en": "a cup of hot ginger tea with ginger root and honey",
        "ko": "생강과 꿀을 곁들인 따뜻한 생강차 한 잔",
        "ja": "生姜と蜂蜜を添えた温かい生姜茶",
        "zh-hans": "一杯热姜茶，旁边是姜块和蜂蜜",
    },
    "pomelo": {
        "vi": "những trái bưởi da xanh trên cành",
        "en": "green-skinned pomelos on the branch",
        "ko": "가지에 달린 초록 껍질 포멜로",
        "ja": "枝になった緑の皮のザボン",
        "zh-hans": "枝头的青皮柚子",
    },
    "baskets": {
        "vi": "giỏ mây tre đan xếp trên kệ",
        "en": "woven rattan and bamboo baskets on a shelf",
        "ko": "선반 위의 등나무·대나무 바구니",
        "ja": "棚に並ぶ籐と竹の編みかご",
        "zh-hans": "架子上的藤竹编篮",
    },
    "engraving": {
        "vi": "tấm gỗ khắc hình đồi núi và ngọn tháp",
        "en": "a wooden panel engraved with hills and a tower",
        "ko": "산과 탑이 새겨진 나무판",
        "ja": "山と塔が彫られた木の板",
        "zh-hans": "刻有山峦和宝塔的木板",
    },
    "soap": {
        "vi": "bánh xà phòng thảo mộc bên nhánh sả",
        "en": "herbal soap bars beside lemongrass",
        "ko": "레몬그라스 옆의 허브 비누",
        "ja": "レモングラスを添えたハーブ石けん",
        "zh-hans": "香茅旁的草本香皂",
    },
    "fair": {
        "vi": "dãy gian hàng hội chợ với cờ đuôi nheo",
        "en": "rows of fair stands under bunting",
        "ko": "만국기 아래 늘어선 박람회 부스",
        "ja": "万国旗の下に並ぶ見本市のブース",
        "zh-hans": "彩旗下成排的展会展位",
    },
    "spring_fair": {
        "vi": "gian hàng hội chợ xuân với đèn lồng đỏ",
        "en": "spring fair stands with red lanterns",
        "ko": "붉은 등이 걸린 봄 장터 부스",
        "ja": "赤い提灯が下がる春の市のブース",
        "zh-hans": "挂着红灯笼的春季集市展位",
    },
    "expo_hall": {
        "vi": "tòa nhà triển lãm mái vòm và quảng trường",
        "en": "an exhibition hall with a curved roof and a forecourt",
        "ko": "곡선 지붕의 전시장과 앞마당",
        "ja": "曲線屋根の展示場と前庭",
        "zh-hans": "弧形屋顶的展馆和前广场",
    },
    "meeting": {
        "vi": "phòng họp có bàn dài và cửa kính nhìn ra đồi",
        "en": "a meeting room with a long table and a window on the hills",
        "ko": "긴 탁자와 언덕이 보이는 창이 있는 회의실",
        "ja": "長いテーブルと丘の見える窓のある会議室",
        "zh-hans": "有长桌和远眺山丘窗户的会议室",
    },
    "industrial": {
        "vi": "nhà xưởng mái răng cưa giữa hàng cây xanh",
        "en": "factory halls with sawtooth roofs among trees",
        "ko": "나무 사이의 톱니 지붕 공장 건물",
        "ja": "木々の間に並ぶのこぎり屋根の工場",
        "zh-hans": "绿树间的锯齿形屋顶厂房",
    },
    "cold_storage": {
        "vi": "kho lạnh và xe tải chở nông sản",
        "en": "a cold store and lorries carrying produce",
        "ko": "냉동 창고와 농산물 운반 트럭",
        "ja": "冷蔵倉庫と農産物を運ぶトラック",
        "zh-hans": "冷库和运送农产品的货车",
    },
    "biogas": {
        "vi": "hầm biogas hình vòm và tấm pin mặt trời cạnh trang trại",
        "en": "biogas domes and solar panels beside a farm",
        "ko": "농장 옆의 돔형 바이오가스 시설과 태양광 패널",
        "ja": "農場のそばのドーム型バイオガス設備と太陽光パネル",
        "zh-hans": "农场旁的圆顶沼气池和太阳能板",
    },
    "orchard": {
        "vi": "vườn cây ăn trái thẳng hàng có hệ thống tưới",
        "en": "an orchard in straight rows with irrigation",
        "ko": "관개 시설을 갖춘 줄지어 선 과수원",
        "ja": "灌漑設備のある整然とした果樹園",
        "zh-hans": "配有灌溉设施、成行排列的果园",
    },
    "housing": {
        "vi": "khu nhà ở nhiều tầng và cây xanh",
        "en": "blocks of flats among trees",
        "ko": "나무 사이의 공동주택 단지",
        "ja": "木々の間の集合住宅",
        "zh-hans": "绿树间的住宅楼",
    },
    "resort": {
        "vi": "nhà nghỉ mái lá bên hồ và cầu gỗ",
        "en": "thatched lakeside cottages and a wooden jetty",
        "ko": "호숫가의 초가 별장과 나무 선착장",
        "ja": "湖畔のかやぶきのコテージと木の桟橋",
        "zh-hans": "湖边的茅草屋和木栈桥",
    },
    "visitor_centre": {
        "vi": "nhà đón khách và bãi đỗ xe dưới chân núi",
        "en": "a visitor centre and car park at the foot of the hills",
        "ko": "산기슭의 방문자 센터와 주차장",
        "ja": "山のふもとのビジターセンターと駐車場",
        "zh-hans": "山脚下的游客中心和停车场",
    },
    "pier": {
        "vi": "bến thuyền trên sông và hàng dừa",
        "en": "a boat landing on the river with coconut palms",
        "ko": "야자나무가 있는 강가의 선착장",
        "ja": "ヤシの木のある川の船着き場",
        "zh-hans": "椰林旁的河边码头",
    },
    "fruit_drying": {
        "vi": "nhà sấy trái cây và khay xoài, mít đang phơi",
        "en": "a fruit-drying house and trays of drying mango and jackfruit",
        "ko": "과일 건조장과 말리는 망고·잭프루트 쟁반",
        "ja": "果物の乾燥棟と干しているマンゴーやジャックフルーツ",
        "zh-hans": "水果烘干房和晾晒芒果、菠萝蜜的托盘",
    },
    "civic": {
        "vi": "trụ sở cơ quan với lá cờ trên nóc",
        "en": "a public office building with a flag on the roof",
        "ko": "지붕에 깃발이 있는 관공서 건물",
        "ja": "屋上に旗が掲げられた庁舎",
        "zh-hans": "屋顶飘着旗帜的办公楼",
    },
    "forest_fire": {
        "vi": "chòi canh lửa trên đồi rừng mùa khô",
        "en": "a fire lookout on a wooded hill in the dry season",
        "ko": "건기 숲 언덕 위의 산불 감시탑",
        "ja": "乾季の森の丘に立つ火の見やぐら",
        "zh-hans": "旱季林间山丘上的防火瞭望塔",
    },
    "survey": {
        "vi": "khu đất công nghiệp được khảo sát, có cọc mốc và xe đậu",
        "en": "industrial land being surveyed, with marker posts and a parked car",
        "ko": "측량 말뚝과 차량이 있는 조사 중인 공업 용지",
        "ja": "測量杭と車が見える調査中の工業用地",
        "zh-hans": "正在勘测的工业用地，有界桩和停放的汽车",
    },
    "fair_aisle": {
        "vi": "lối đi giữa hai dãy gian hàng hội chợ dưới cờ đuôi nheo",
        "en": "an aisle between two rows of fair stands under bunting",
        "ko": "만국기 아래 두 줄로 늘어선 박람회 부스 사이의 통로",
        "ja": "万国旗の下、二列に並ぶ見本市のブースの通路",
        "zh-hans": "彩旗下两排展位之间的通道",
    },
    "fair_marquee": {
        "vi": "những nhà bạt trắng và sân khấu của hội chợ",
        "en": "white marquees and a stage at a fair",
        "ko": "박람회의 흰 천막과 무대",
        "ja": "見本市の白いテントとステージ",
        "zh-hans": "展会的白色帐篷和舞台",
    },
    "food_stalls": {
        "vi": "tô hủ tiếu, bánh và nước mía trên bàn quán ở chợ",
        "en": "bowls of noodle soup, cakes and sugarcane juice on a market stall table",
        "ko": "시장 노점 탁자 위의 국수, 떡, 사탕수수 주스",
        "ja": "市場の屋台のテーブルに並ぶ麺料理、菓子、サトウキビジュース",
        "zh-hans": "市场摊桌上的粿条汤、糕点和甘蔗汁",
    },
    "lakeside_festival": {
        "vi": "gian hàng ẩm thực và đèn lồng bên bờ hồ lúc chiều",
        "en": "food stands and lanterns on a lake shore in the evening",
        "ko": "저녁 호숫가의 음식 부스와 등불",
        "ja": "夕方の湖畔に並ぶ屋台と提灯",
        "zh-hans": "傍晚湖岸边的美食摊位和灯笼",
    },
    "timber_mill": {
        "vi": "nhà máy gỗ và những chồng gỗ cao su xẻ",
        "en": "a wood mill and stacks of sawn rubberwood",
        "ko": "목재 공장과 쌓여 있는 고무나무 목재",
        "ja": "製材工場と積み上げられたゴムの木の材木",
        "zh-hans": "木材厂和成堆的橡胶木锯材",
    },
    "green_industry": {
        "vi": "nhà xưởng mái pin mặt trời giữa cây xanh, hồ nước phía xa",
        "en": "factory halls with solar roofs among trees, a lake beyond",
        "ko": "나무 사이 태양광 지붕의 공장과 멀리 보이는 호수",
        "ja": "木々の間の太陽光パネル屋根の工場と遠くの湖",
        "zh-hans": "绿树间屋顶铺着太阳能板的厂房，远处是湖",
    },
    "aerial_fields": {
        "vi": "nhìn từ trên cao: ruộng, vườn cao su, đường sá và mặt hồ",
        "en": "seen from above: fields, rubber plantations, roads and the lake",
        "ko": "위에서 본 논밭, 고무 농장, 도로와 호수",
        "ja": "上空から見た田畑、ゴム農園、道路と湖",
        "zh-hans": "俯瞰田野、橡胶园、道路和湖泊",
    },
    "canal": {
        "vi": "kênh thủy lợi chảy giữa đồng lúa, đập hồ phía xa",
        "en": "an irrigation canal through rice fields, the lake's dam beyond",
        "ko": "논 사이를 흐르는 관개 수로와 멀리 보이는 댐",
        "ja": "田んぼの間を流れる用水路と遠くのダム",
        "zh-hans": "稻田间的灌溉渠，远处是水库大坝",
    },
    "hiking": {
        "vi": "người leo núi trên lối mòn lên đỉnh đồi có cờ",
        "en": "hikers on a trail up a hill with flags",
        "ko": "깃발이 있는 언덕길을 오르는 등산객",
        "ja": "旗の立つ丘の登山道を登る人々",
        "zh-hans": "沿插旗山路登山的人们",
    },
    "summit_view": {
        "vi": "từ đỉnh đồi nhìn xuống mặt hồ và ngọn tháp",
        "en": "the view from a hilltop over the lake and a tower",
        "ko": "언덕 꼭대기에서 내려다본 호수와 탑",
        "ja": "丘の頂上から見下ろす湖と塔",
        "zh-hans": "从山顶俯瞰湖泊和宝塔",
    },
    "products_table": {
        "vi": "bàn trưng bày sản phẩm địa phương: mật ong, trái cây, giỏ đan",
        "en": "a table of local products: honey, fruit, woven baskets",
        "ko": "꿀, 과일, 바구니 등 지역 특산품 진열대",
        "ja": "蜂蜜、果物、編みかごなど地域産品の展示台",
        "zh-hans": "摆放蜂蜜、水果、编篮等地方产品的展台",
    },
    "furniture_showroom": {
        "vi": "phòng trưng bày nhiều bộ bàn ghế gỗ",
        "en": "a showroom with several sets of wooden furniture",
        "ko": "여러 목가구 세트가 놓인 전시장",
        "ja": "木製家具が並ぶショールーム",
        "zh-hans": "陈列多套木家具的展厅",
    },
    "screens": {
        "vi": "màn hình máy tính và điện thoại hiển thị trang web",
        "en": "a computer screen and a phone showing a website",
        "ko": "웹사이트가 보이는 컴퓨터 화면과 휴대전화",
        "ja": "ウェブサイトを表示したパソコンとスマートフォン",
        "zh-hans": "显示网站的电脑屏幕和手机",
    },
}
ALT_PREFIX = {
    "vi": "Tranh minh họa: {}",
    "en": "Illustration: {}",
    "ko": "일러스트: {}",
    "ja": "イラスト：{}",
    "zh-hans": "示意图：{}",
}

# the demo catalogue's items (promo/demo/catalogue.jsonl) -> scene
DEMO_SCENES = {
    "home": "hills_lake",  # the home page's banner
    "nui-cau": "hills_lake",
    "chua-thai-son": "pagoda",
    "ho-dau-tieng": "lake",
    "ho-can-nom": "lake",
    "lang-cong-nhan-cao-su-dinh-hiep": "rubber_village",
    "bai-da-trung-suoi-truc": "boulders",
    "dap-chinh-ho-dau-tieng": "dam",
    "bo-song-sai-gon-tay-nam": "river",
    "cho-dau-tieng-am-thuc": "food_stalls",
    "khu-cam-trai-ven-ho-mau": "campsite",
    "yen-sao-minh-tan-mau": "bird_nest",
    "mat-ong-hoa-cao-su": "honey",
    "hat-dieu-rang-muoi-minh-thanh": "cashew",
    "kho-ca-linh-ho-dau-tieng": "dried_fish",
    "ban-ghe-go-cao-su-thanh-an": "furniture",
    "tra-gung-mat-ong-long-hoa": "tea",
    "buoi-da-xanh-thanh-an": "pomelo",
    "gio-may-tre-dan-tay-nam": "baskets",
    "tranh-go-cao-su-khac-laser": "engraving",
    "xa-phong-thao-moc-tay-nam": "soap",
    "binh-duong-expo-2022": "expo_hall",
    "ket-noi-cung-cau-2025": "fair_marquee",
    "phien-cho-nong-san-dau-tieng-2026-04": "market",
    "ngay-hoi-leo-nui-cau-2026": "hiking",
    "ket-noi-cung-cau-2026-12": "fair_aisle",
    "hoi-cho-xuan-dinh-mui-2027": "spring_fair",
    "dien-dan-dau-tu-han-quoc-2027": "meeting",
    "tuan-le-ocop-tay-nam-2027": "fair",
    "trien-lam-go-cao-su-2027": "furniture_showroom",
    "ngay-hoi-am-thuc-thanh-an-2027": "lakeside_festival",
    "kcn-bau-bang-mo-rong-long-hoa": "industrial",
    "khu-nghi-duong-sinh-thai-can-nom": "resort",
    "trung-tam-don-khach-nui-cau": "visitor_centre",
    "nha-may-van-go-cao-su-minh-thanh": "timber_mill",
    "kho-lanh-nong-san-tay-nam": "cold_storage",
    "biogas-chan-nuoi-minh-thanh": "biogas",
    "vung-cay-an-trai-cong-nghe-cao-thanh-an": "orchard",
    "nha-o-cong-nhan-long-hoa": "housing",
    "xuong-say-trai-cay-minh-thanh": "fruit_drying",
    "ben-du-lich-song-sai-gon-tay-nam": "pier",
    "ke-hoach-thong-tin-doi-ngoai-2022": "civic",
    "sap-xep-don-vi-hanh-chinh-dau-tieng-2025": "aerial_fields",
    "ocop-16-san-pham-3-sao-2024": "products_table",
    "dinh-huong-2040-cong-nghiep-xanh-du-lich": "green_industry",
    "hanh-trinh-cao-su-tu-1917": "rubber",
    "goi-y-hai-ngay-nui-cau-ho-dau-tieng": "summit_view",
    "phong-chay-rung-nui-cau-mua-kho-2026": "forest_fire",
    "cong-thong-tin-da-ngon-ngu-2026": "screens",
    "ho-dau-tieng-40-nam-cong-trinh": "canal",
    "doan-doanh-nghiep-han-quoc-khao-sat-long-hoa": "survey",
    # the itineraries (promo/demo/itineraries.json)
    "nua-ngay-nui-cau": "summit_view",
    "mot-ngay-ho-va-cao-su": "rubber",
    "hai-ngay-nui-cau-ho-can-nom": "lake",
}
# an item outside the demo: by kind, then category or sector
BY_CATEGORY = {
    ("attraction", "nature"): "hills_lake",
    ("attraction", "religious"): "pagoda",
    ("attraction", "heritage"): "rubber_village",
    ("attraction", "recreation"): "campsite",
    ("attraction", "food"): "market",
    ("product", "agricultural"): "pomelo",
    ("product", "food"): "honey",
    ("product", "handicraft"): "baskets",
    ("product", "household"): "soap",
    ("product", "beverage"): "tea",
    ("investment", "agriculture"): "orchard",
    ("investment", "manufacturing"): "industrial",
    ("investment", "tourism"): "resort",
    ("investment", "logistics"): "cold_storage",
    ("investment", "energy"): "biogas",
    ("investment", "real-estate"): "housing",
    ("news", "tourism"): "hills_lake",
    ("news", "economy"): "industrial",
    ("news", "culture"): "rubber",
    ("news", "environment"): "forest_fire",
    ("news", "irrigation"): "dam",
    ("news", "investment"): "survey",
    ("news", "agriculture"): "orchard",
    ("news", "administration"): "civic",
}
BY_KIND = {
    "attraction": "hills_lake",
    "product": "market",
    "fair": "fair",
    "investment": "industrial",
    "news": "civic",
    "itinerary": "summit_view",
}


def scene_for(ref, kind, category=None):
    return DEMO_SCENES.get(ref) or BY_CATEGORY.get((kind, category)) or BY_KIND.get(kind, "hills_lake")


def alt_text(scene, language):
    words = SCENE_ALT.get(scene, SCENE_ALT["hills_lake"])
    return ALT_PREFIX.get(language, "{}").format(words.get(language) or words["en"])


# ---------------------------------------------------------------- painting helpers


def _mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def _shade(c, f):
    return tuple(max(0, min(255, int(v * f))) for v in c)


class Canvas:
    """An RGB picture with layered drawing: each layer is painted on its own RGBA image and
    composited, so far layers can be blurred and hazed like air does."""

    def __init__(self, rng, size=SIZE):
        self.rng = rng
        self.w, self.h = size
        self.img = Image.new("RGB", size)

    def layer(self):
        image = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        return image, ImageDraw.Draw(image)

    def put(self, layer, blur=0.0):
        box = layer.getbbox()  # what was drawn; most layers cover a small part of the picture
        if box is None:
            return
        if blur:
            # Pillow's Gaussian blur reaches about 3 radii; blurring only the drawn part with
            # that margin gives the same picture at a fraction of the cost.
            margin = int(3 * blur) + 2
            left, top, right, bottom = box
            box = (
                max(0, left - margin),
                max(0, top - margin),
                min(self.w, right + margin),
                min(self.h, bottom + margin),
            )
            part = layer.crop(box).filter(ImageFilter.GaussianBlur(blur))
        else:
            part = layer.crop(box)
        self.img.paste(part, box[:2], part)

    def sx(self, fraction):
        return int(self.w * fraction)

    def sy(self, fraction):
        return int(self.h * fraction)


def _sky(c, sky, horizon):
    top, bottom, sun, _haze, _water = sky
    column = Image.new("RGB", (1, c.h))
    px = column.load()
    for y in range(c.h):
        t = min(1.0, y / max(1, horizon))
        px[0, y] = _mix(top, bottom, t**0.8)
    c.img.paste(column.resize((c.w, c.h)))
    layer, d = c.layer()
    sx, sy = c.sx(c.rng.uniform(0.18, 0.82)), int(horizon * c.rng.uniform(0.25, 0.7))
    for radius, alpha in ((220, 40), (140, 70), (80, 120)):
        d.ellipse((sx - radius, sy - radius, sx + radius, sy + radius), fill=sun + (alpha,))
    d.ellipse((sx - 42, sy - 42, sx + 42, sy + 42), fill=sun + (255,))
    c.put(layer, blur=18)
    clouds, cd = c.layer()
    for _ in range(c.rng.randint(3, 7)):
        cx, cy = c.rng.randint(0, c.w), c.rng.randint(int(horizon * 0.08), int(horizon * 0.6))
        for _ in range(c.rng.randint(4, 8)):
            rx, ry = c.rng.randint(60, 170), c.rng.randint(18, 42)
            ox, oy = c.rng.randint(-150, 150), c.rng.randint(-20, 20)
            cd.ellipse((cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry), fill=(255, 255, 255, 150))
    c.put(clouds, blur=22)


def _ridge(c, base_y, peaks, jitter=6.0):
    """Points of a hill line: bell-shaped peaks [(x, height, width)] plus a little roughness."""
    pts, step = [], 8
    phase = c.rng.uniform(0, math.tau)
    for x in range(-step, c.w + 2 * step, step):
        y = base_y
        for px, height, width in peaks:
            y = min(y, base_y - height * math.exp(-(((x - px) / width) ** 2)))
        y += jitter * math.sin(x / 37.0 + phase) + jitter * 0.5 * math.sin(x / 13.0 + 2 * phase)
        pts.append((x, y))
    return pts


def _darken_towards(layer, top, bottom, strength):
    """Darken an RGBA layer's painted pixels progressively from `top` down to `bottom`."""
    w, h = layer.size
    ramp = Image.new("L", (1, h))
    px = ramp.load()
    for y in range(h):
        px[0, y] = int(255 * strength * min(1.0, max(0.0, (y - top) / max(1, bottom - top))))
    alpha = ImageChops.multiply(ramp.resize((w, h)), layer.getchannel("A"))
    shadow = Image.new("RGBA", (w, h), (10, 30, 20, 0))
    shadow.putalpha(alpha)
    layer.alpha_composite(shadow)


def _hills(c, base_y, peaks, colour, haze_colour, haze, blur=0.0, jitter=6.0, texture=True):
    layer, d = c.layer()
    pts = _ridge(c, base_y, peaks, jitter)
    fill = _mix(colour, haze_colour, haze)
    d.polygon(pts + [(c.w + 20, c.h), (-20, c.h)], fill=fill + (255,))
    top = int(min(y for _x, y in pts))
    if texture:  # tree crowns along the slopes, lighter on top
        for x, y in pts[::2]:
            for _ in range(2):
                r = c.rng.randint(6, 14)
                yy = y + c.rng.randint(0, 60)
                tone = _mix(_shade(colour, c.rng.uniform(0.85, 1.2)), haze_colour, haze)
                d.ellipse((x - r, yy - r, x + r, yy + r), fill=tone + (255,))
    _darken_towards(layer, top, int(base_y) + 40, 0.35)
    c.put(layer, blur=blur)
    return pts


def nui_cau(c, sky, base_y, scale=1.0, centre=None):
    """The Núi Cậu group: a main summit with a second one beside it and lower hills around."""
    cx = centre if centre is not None else c.sx(c.rng.uniform(0.35, 0.65))
    h = 300 * scale
    far = [(cx - 520 * scale, h * 0.35, 260 * scale), (cx + 560 * scale, h * 0.3, 300 * scale)]
    _hills(c, base_y, far, (84, 128, 110), sky[3], 0.62, blur=3, jitter=4, texture=False)
    main = [
        (cx, h, 210 * scale),
        (cx + 230 * scale, h * 0.88, 170 * scale),
        (cx - 260 * scale, h * 0.55, 190 * scale),
        (cx + 470 * scale, h * 0.42, 160 * scale),
    ]
    _hills(c, base_y, main, GREENS[c.rng.randrange(len(GREENS))], sky[3], 0.22, blur=1.2)


def _water(c, sky, top):
    """A lake from `top` to the bottom: the sky's colours, the hills' reflection, ripples."""
    depth = c.h - int(top)
    source_top = max(0, int(top) - depth)
    reflection = c.img.crop((0, source_top, c.w, int(top))).transpose(Image.FLIP_TOP_BOTTOM)
    reflection = reflection.resize((c.w, depth)).filter(ImageFilter.GaussianBlur(6))
    tint = Image.new("RGB", reflection.size, sky[4])
    water = Image.blend(reflection, tint, 0.45)
    darker = Image.blend(water, Image.new("RGB", water.size, _shade(sky[4], 0.55)), 0.5)
    fade = Image.linear_gradient("L").resize(water.size)
    water = Image.composite(darker, water, fade)
    c.img.paste(water, (0, int(top)))
    layer, d = c.layer()
    for _ in range(170):
        y = c.rng.uniform(top + 4, c.h)
        depth = (y - top) / max(1, c.h - top)
        length = 20 + 160 * depth
        x = c.rng.uniform(-50, c.w)
        d.line((x, y, x + length, y), fill=(255, 255, 255, int(40 + 60 * depth)), width=1 + int(2 * depth))
    d.line((0, top, c.w, top), fill=(255, 255, 255, 90), width=2)
    c.put(layer, blur=0.8)


def _ground(c, top, colour, far_colour):
    column = Image.new("RGB", (1, c.h - int(top)))
    px = column.load()
    for y in range(column.height):
        px[0, y] = _mix(far_colour, colour, y / max(1, column.height - 1))
    c.img.paste(column.resize((c.w, column.height)), (0, int(top)))


def _tree(d, x, y, height, colour, rng):
    """A tropical tree: a trunk and a rounded, clumpy crown."""
    d.line(
        (x, y, x + rng.randint(-4, 4), y - height * 0.45),
        fill=(78, 58, 40, 255),
        width=max(2, int(height / 22)),
    )
    for _ in range(6):
        r = height * rng.uniform(0.16, 0.28)
        ox, oy = rng.uniform(-0.25, 0.25) * height, -height * rng.uniform(0.5, 0.85)
        d.ellipse(
            (x + ox - r, y + oy - r, x + ox + r, y + oy + r),
            fill=_shade(colour, rng.uniform(0.8, 1.15)) + (255,),
        )


def _tree_line(c, base_y, height, colour, density=1.0, spread=(0, 1)):
    layer, d = c.layer()
    x = c.sx(spread[0]) - 40
    while x < c.sx(spread[1]) + 40:
        _tree(d, x, base_y + c.rng.randint(-6, 6), height * c.rng.uniform(0.7, 1.15), colour, c.rng)
        x += c.rng.randint(25, 60) / density
    c.put(layer)


def _palm(d, x, y, height, rng, lean=0.0):
    top = (x + lean * height, y - height)
    d.line(
        (x, y, (x + top[0]) / 2 + lean * 8, y - height / 2, *top),
        fill=(96, 80, 60, 255),
        width=max(3, int(height / 28)),
    )
    for angle in range(0, 360, 40):
        a = math.radians(angle + rng.uniform(-12, 12))
        length = height * rng.uniform(0.32, 0.45)
        end = (top[0] + math.cos(a) * length, top[1] + math.sin(a) * length * 0.55 + length * 0.18)
        mid = (top[0] + math.cos(a) * length * 0.5, top[1] + math.sin(a) * length * 0.3 - 6)
        d.line((*top, *mid, *end), fill=(40, 104, 58, 255), width=max(3, int(height / 30)))


def _rubber_rows(c, horizon, ground_colour=(104, 96, 64)):
    """A plantation seen down its rows: slender pale trunks converging on the horizon, a dark
    canopy overhead, latex cups on the trunks nearest to us."""
    layer, d = c.layer()
    vx = c.sx(c.rng.uniform(0.4, 0.6))
    canopy = (34, 78, 46)
    d.rectangle((0, 0, c.w, horizon + 40), fill=canopy + (255,))
    for i in range(-9, 10):
        spread = i * 210
        for depth in range(1, 14):
            t = depth / 14
            x = vx + spread * (1 - t) ** 1.6 * 1.4
            y = horizon + (c.h - horizon) * (1 - t) ** 1.8
            height = (c.h - horizon) * 1.6 * (1 - t) ** 1.8 + 40
            width = max(2, int(26 * (1 - t) ** 1.8))
            tone = _mix((205, 196, 178), (120, 130, 110), t)
            d.line((x, y, x + width * 0.1, y - height), fill=tone + (255,), width=width)
            if depth <= 2 and abs(i) < 6:
                d.ellipse(
                    (x - width * 0.6, y - height * 0.35, x + width * 0.6, y - height * 0.31),
                    fill=(240, 240, 236, 255),
                )
                d.line(
                    (x - width * 0.5, y - height * 0.45, x + width * 0.5, y - height * 0.40),
                    fill=(120, 90, 60, 255),
                    width=2,
                )
    for _ in range(260):
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(0, horizon)
        r = c.rng.uniform(20, 60)
        d.ellipse(
            (x - r, y - r * 0.6, x + r, y + r * 0.6), fill=_shade(canopy, c.rng.uniform(0.7, 1.5)) + (255,)
        )
    c.put(layer, blur=0.6)
    ground, g = c.layer()
    g.polygon(
        ((0, c.h), (c.w, c.h), (vx + 30, horizon + 30), (vx - 30, horizon + 30)), fill=ground_colour + (90,)
    )
    c.put(ground, blur=8)


# ---------------------------------------------------------------- objects


def _pagoda(d, cx, base, height, rng):
    levels = 9
    wall, roof = (238, 222, 180), (170, 58, 40)
    width = height * 0.3
    y = base
    for i in range(levels):
        h = height / levels * (1.06 - i * 0.025)
        w = width * (1 - i * 0.075)
        d.rectangle((cx - w / 2, y - h * 0.78, cx + w / 2, y), fill=wall + (255,))
        d.rectangle((cx - w * 0.12, y - h * 0.62, cx + w * 0.12, y - h * 0.12), fill=(120, 70, 40, 255))
        eave = w * 0.72
        d.polygon(
            (
                (cx - eave, y - h * 0.74),
                (cx + eave, y - h * 0.74),
                (cx + w * 0.5, y - h),
                (cx - w * 0.5, y - h),
            ),
            fill=roof + (255,),
        )
        d.line((cx - eave, y - h * 0.74, cx - eave - 10, y - h * 0.86), fill=roof + (255,), width=4)
        d.line((cx + eave, y - h * 0.74, cx + eave + 10, y - h * 0.86), fill=roof + (255,), width=4)
        y -= h
    d.line((cx, y, cx, y - height * 0.08), fill=(200, 160, 60, 255), width=5)


def _statue(d, cx, base, height):
    white = (246, 244, 238, 255)
    d.ellipse(
        (cx - height * 0.12, base - height, cx + height * 0.12, base - height * 0.78),
        fill=(250, 240, 200, 120),
    )
    d.ellipse(
        (cx - height * 0.07, base - height * 0.95, cx + height * 0.07, base - height * 0.82), fill=white
    )
    d.polygon(
        (
            (cx - height * 0.09, base - height * 0.82),
            (cx + height * 0.09, base - height * 0.82),
            (cx + height * 0.16, base - height * 0.08),
            (cx - height * 0.16, base - height * 0.08),
        ),
        fill=white,
    )
    d.rectangle((cx - height * 0.2, base - height * 0.08, cx + height * 0.2, base), fill=(190, 186, 176, 255))


def _house(d, x, base, w, h, wall, roof):
    d.rectangle((x, base - h, x + w, base), fill=wall + (255,))
    d.polygon(
        ((x - w * 0.08, base - h), (x + w * 1.08, base - h), (x + w * 0.5, base - h - h * 0.6)),
        fill=roof + (255,),
    )
    d.rectangle((x + w * 0.42, base - h * 0.62, x + w * 0.58, base), fill=_shade(wall, 0.55) + (255,))
    for fx in (0.12, 0.72):
        d.rectangle((x + w * fx, base - h * 0.7, x + w * (fx + 0.16), base - h * 0.4), fill=(70, 80, 90, 255))


def _tent(d, x, base, w, h, colour, stripe=None):
    d.polygon(((x, base), (x + w, base), (x + w / 2, base - h)), fill=colour + (255,))
    d.polygon(
        ((x + w * 0.42, base), (x + w * 0.58, base), (x + w / 2, base - h * 0.45)),
        fill=_shade(colour, 0.45) + (255,),
    )
    if stripe:
        d.line((x + w / 2, base - h, x + w * 0.08, base), fill=stripe + (255,), width=3)


def _stall(d, x, base, w, h, awning, rng, goods=True):
    """A market or fair stand: posts, a scalloped awning in two colours, a counter of goods."""
    d.rectangle((x, base - h, x + 6, base), fill=(90, 70, 50, 255))
    d.rectangle((x + w - 6, base - h, x + w, base), fill=(90, 70, 50, 255))
    stripes = 6
    for i in range(stripes):
        colour = awning if i % 2 == 0 else (248, 244, 232)
        d.polygon(
            (
                (x - 10 + i * (w + 20) / stripes, base - h),
                (x - 10 + (i + 1) * (w + 20) / stripes, base - h),
                (x - 4 + (i + 1) * (w + 8) / stripes, base - h - h * 0.28),
                (x - 4 + i * (w + 8) / stripes, base - h - h * 0.28),
            ),
            fill=colour + (255,),
        )
        d.pieslice(
            (
                x - 10 + i * (w + 20) / stripes,
                base - h - 14,
                x - 10 + (i + 1) * (w + 20) / stripes,
                base - h + 14,
            ),
            0,
            180,
            fill=colour + (255,),
        )
    d.rectangle((x + 4, base - h * 0.38, x + w - 4, base), fill=(150, 110, 70, 255))
    if goods:
        palette = [(246, 180, 40), (120, 170, 60), (220, 70, 50), (250, 220, 120), (170, 120, 60)]
        for i in range(int(w / 22)):
            r = rng.randint(8, 12)
            gx = x + 14 + i * 22
            d.ellipse(
                (gx - r, base - h * 0.38 - r * 1.6, gx + r, base - h * 0.38 + r * 0.4),
                fill=rng.choice(palette) + (255,),
            )


def _person(d, x, base, h, colour, rng):
    d.ellipse((x - h * 0.09, base - h, x + h * 0.09, base - h * 0.82), fill=(90, 64, 50, 255))
    if rng.random() < 0.4:  # a conical hat
        d.polygon(
            ((x - h * 0.2, base - h * 0.9), (x + h * 0.2, base - h * 0.9), (x, base - h * 1.12)),
            fill=(228, 208, 150, 255),
        )
    d.rounded_rectangle(
        (x - h * 0.14, base - h * 0.82, x + h * 0.14, base - h * 0.32),
        radius=int(h * 0.08),
        fill=colour + (255,),
    )
    d.rectangle((x - h * 0.11, base - h * 0.34, x + h * 0.11, base), fill=(60, 60, 70, 255))


def _crowd(c, d, base, count, height):
    colours = [(200, 60, 60), (40, 90, 160), (240, 200, 60), (60, 140, 90), (230, 230, 230), (150, 80, 150)]
    for _ in range(count):
        _person(
            d,
            c.rng.uniform(c.w * 0.06, c.w * 0.94),
            base + c.rng.uniform(-10, 30),
            height * c.rng.uniform(0.85, 1.1),
            c.rng.choice(colours),
            c.rng,
        )


def _bunting(d, x0, y0, x1, y1, rng, sag=40):
    colours = [(220, 50, 60), (250, 200, 40), (40, 120, 200), (60, 160, 90), (240, 130, 40)]
    steps = 18
    for i in range(steps):
        t0, t1 = i / steps, (i + 1) / steps
        p0 = (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0 + sag * math.sin(math.pi * t0))
        p1 = (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1 + sag * math.sin(math.pi * t1))
        d.line((*p0, *p1), fill=(80, 80, 80, 255), width=2)
        mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2 + 30)
        d.polygon((p0, p1, mid), fill=colours[i % len(colours)] + (255,))


def _lantern(d, x, y, r):
    d.line((x, y - r * 2.2, x, y - r), fill=(120, 90, 40, 255), width=2)
    d.ellipse((x - r, y - r * 1.2, x + r, y + r * 1.2), fill=(214, 40, 40, 255))
    d.rectangle((x - r * 0.45, y - r * 1.35, x + r * 0.45, y - r * 1.1), fill=(230, 180, 50, 255))
    d.line((x, y + r * 1.2, x, y + r * 2.2), fill=(230, 180, 50, 255), width=3)


def _factory(d, x, base, w, h, rng, colour=(226, 230, 232)):
    d.rectangle((x, base - h, x + w, base), fill=colour + (255,))
    teeth = max(3, int(w / 70))
    tw = w / teeth
    for i in range(teeth):
        d.polygon(
            ((x + i * tw, base - h), (x + (i + 1) * tw, base - h), (x + (i + 1) * tw, base - h - h * 0.35)),
            fill=(150, 170, 186, 255),
        )
        d.line(
            (x + (i + 1) * tw, base - h, x + (i + 1) * tw, base - h - h * 0.35),
            fill=(90, 120, 150, 255),
            width=3,
        )
    d.rectangle((x, base - h * 0.18, x + w, base - h * 0.12), fill=(40, 100, 160, 255))
    for i in range(int(w / 90)):
        d.rectangle(
            (x + 20 + i * 90, base - h * 0.55, x + 60 + i * 90, base - h * 0.3), fill=(110, 140, 160, 255)
        )


def _truck(d, x, base, w, rng, colour=(240, 240, 244)):
    h = w * 0.42
    d.rectangle((x, base - h, x + w * 0.72, base - h * 0.18), fill=colour + (255,))
    d.rectangle((x, base - h * 0.62, x + w * 0.72, base - h * 0.52), fill=(40, 110, 190, 255))
    d.rounded_rectangle(
        (x + w * 0.74, base - h * 0.7, x + w, base - h * 0.18), radius=8, fill=(200, 60, 50, 255)
    )
    d.rectangle((x + w * 0.8, base - h * 0.64, x + w * 0.95, base - h * 0.45), fill=(150, 200, 230, 255))
    for wx in (0.14, 0.58, 0.87):
        r = h * 0.14
        d.ellipse(
            (x + w * wx - r, base - h * 0.18 - r, x + w * wx + r, base - h * 0.18 + r), fill=(30, 30, 30, 255)
        )


def _boat(d, x, y, w, colour):
    d.polygon(
        ((x, y), (x + w, y), (x + w * 0.85, y + w * 0.14), (x + w * 0.15, y + w * 0.14)), fill=colour + (255,)
    )
    d.arc((x + w * 0.25, y - w * 0.16, x + w * 0.75, y + w * 0.1), 180, 360, fill=(90, 60, 40, 255), width=4)


def _wood(c, top, colour=(168, 118, 72)):
    """A wooden table top from `top` down, with grain."""
    layer, d = c.layer()
    d.rectangle((0, top, c.w, c.h), fill=colour + (255,))
    for _ in range(90):
        y = c.rng.uniform(top, c.h)
        d.line(
            (0, y, c.w, y + c.rng.uniform(-8, 8)),
            fill=_shade(colour, c.rng.uniform(0.8, 1.12)) + (160,),
            width=c.rng.randint(1, 4),
        )
    d.line((0, top, c.w, top), fill=_shade(colour, 1.25) + (255,), width=5)
    c.put(layer, blur=0.7)


def _backdrop(c, sky, horizon, scale=0.8, blur=9):
    """A soft, out-of-focus landscape behind a close-up: hills and trees."""
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=scale)
    _ground(c, horizon, (96, 140, 80), (120, 160, 100))
    _tree_line(c, horizon + 20, 160, GREENS[1])
    c.img = c.img.filter(ImageFilter.GaussianBlur(blur))


# ---------------------------------------------------------------- scenes


def scene_hills_lake(c, sky):
    horizon = c.sy(c.rng.uniform(0.55, 0.64))
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=c.rng.uniform(1.0, 1.25))
    _tree_line(c, horizon + 4, 60, (44, 96, 60), density=1.5)
    _water(c, sky, horizon + 6)
    layer, d = c.layer()
    if c.rng.random() < 0.6:
        _boat(d, c.sx(c.rng.uniform(0.25, 0.65)), c.sy(0.8), 90, (120, 80, 50))
    c.put(layer)
    fg, fd = c.layer()
    foreground = c.rng.choice(("palms", "rubber", "rocks"))
    if foreground == "palms":
        side = c.rng.choice((0.04, 0.86))
        for i in range(3):
            _palm(
                fd,
                c.sx(side) + i * 40,
                c.h + 30,
                c.sy(0.7) - i * 60,
                c.rng,
                lean=-0.12 if side > 0.5 else 0.12,
            )
    elif foreground == "rubber":  # the edge of a plantation framing the view
        for i in range(4):
            x = c.sx(0.02) + i * 70 if i < 2 else c.sx(0.9) + (i - 2) * 70
            fd.line((x, c.h, x + 6, 0), fill=(200, 192, 176, 255), width=26 - i * 3)
        fd.rectangle((0, 0, c.w, c.sy(0.08)), fill=(34, 78, 46, 255))
        for _ in range(60):
            x, y, r = c.rng.uniform(0, c.w), c.rng.uniform(0, c.sy(0.12)), c.rng.uniform(20, 50)
            fd.ellipse(
                (x - r, y - r * 0.6, x + r, y + r * 0.6),
                fill=_shade((34, 78, 46), c.rng.uniform(0.8, 1.3)) + (255,),
            )
    else:
        for _ in range(4):
            bx, by, r = c.sx(c.rng.uniform(0.02, 0.3)), c.sy(c.rng.uniform(0.88, 1.0)), c.rng.randint(90, 160)
            fd.ellipse((bx - r, by - r * 0.7, bx + r, by + r * 0.5), fill=(122, 116, 104, 255))
            fd.ellipse((bx - r * 0.7, by - r * 0.62, bx + r * 0.3, by - r * 0.05), fill=(160, 154, 140, 255))
    c.put(fg)


def scene_lake(c, sky):
    horizon = c.sy(c.rng.uniform(0.42, 0.5))
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.45, centre=c.sx(c.rng.uniform(0.2, 0.8)))
    _tree_line(c, horizon + 2, 26, (50, 100, 70), density=2)
    _water(c, sky, horizon + 3)
    layer, d = c.layer()
    for _ in range(c.rng.randint(2, 4)):
        _boat(
            d,
            c.sx(c.rng.uniform(0.15, 0.75)),
            c.sy(c.rng.uniform(0.6, 0.85)),
            c.rng.randint(70, 140),
            c.rng.choice([(120, 80, 50), (60, 90, 140), (150, 60, 40)]),
        )
    c.put(layer)


def scene_pagoda(c, sky):
    horizon = c.sy(0.86)
    _sky(c, sky, c.sy(0.6))
    nui_cau(c, sky, c.sy(0.7), scale=1.5)
    layer, d = c.layer()
    cx = c.sx(c.rng.uniform(0.42, 0.58))
    _pagoda(d, cx, c.sy(0.8), c.sy(0.62), c.rng)
    _statue(d, cx + c.rng.choice((-1, 1)) * c.sx(0.16), c.sy(0.8), c.sy(0.28))
    for i in range(10):  # the steps up the hill
        y = c.sy(0.8) + i * 10
        d.rectangle((cx - 120 - i * 14, y, cx + 120 + i * 14, y + 7), fill=(196, 190, 176, 255))
    c.put(layer)
    _tree_line(c, horizon + 20, 180, (36, 90, 56), spread=(0, 0.3))
    _tree_line(c, horizon + 20, 180, (36, 90, 56), spread=(0.7, 1))


def scene_rubber(c, sky):
    horizon = c.sy(c.rng.uniform(0.5, 0.58))
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 126, 86), (170, 160, 120))
    _rubber_rows(c, horizon)


def scene_rubber_village(c, sky):
    horizon = c.sy(0.6)
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 130, 90), (160, 170, 120))
    _tree_line(c, horizon + 10, 300, (36, 86, 52), density=2.2)
    layer, d = c.layer()
    # rubber trunks behind the houses
    for i in range(40):
        x = i * 42 + c.rng.randint(-4, 4)
        d.line((x, horizon + 30, x + 2, horizon - 180), fill=(200, 192, 176, 255), width=7)
    x = c.sx(c.rng.uniform(0.06, 0.18))
    while x < c.sx(0.9):
        w = c.rng.randint(180, 250)
        _house(d, x, c.sy(0.84), w, c.rng.randint(120, 150), (200, 176, 130), (150, 70, 44))
        x += w + c.rng.randint(40, 80)
    d.rectangle((0, c.sy(0.84), c.w, c.h), fill=(170, 140, 100, 255))
    c.put(layer)


def scene_boulders(c, sky):
    horizon = c.sy(0.45)
    _sky(c, sky, horizon)
    _ground(c, horizon, (70, 110, 70), (100, 140, 100))
    _tree_line(c, horizon + 40, 320, (34, 82, 50), density=2.5)
    layer, d = c.layer()
    # a stream winding towards us
    pts_l, pts_r = [], []
    for i in range(21):
        t = i / 20
        y = c.sy(0.58) + (c.h - c.sy(0.58)) * t
        x = c.sx(0.5) + math.sin(t * 3.2 + c.rng.uniform(0, 1)) * 180 * t
        half = 20 + 220 * t
        pts_l.append((x - half, y))
        pts_r.append((x + half, y))
    d.polygon(pts_l + pts_r[::-1], fill=(110, 160, 170, 255))
    for _ in range(c.rng.randint(6, 9)):
        bx = c.sx(c.rng.choice((c.rng.uniform(0.08, 0.36), c.rng.uniform(0.62, 0.92))))
        by = c.sy(c.rng.uniform(0.66, 0.92))
        r = c.rng.randint(70, 150)
        d.ellipse((bx - r, by - r * 0.8, bx + r, by + r * 0.55), fill=(138, 132, 120, 255))
        d.ellipse((bx - r * 0.75, by - r * 0.72, bx + r * 0.35, by - r * 0.05), fill=(176, 170, 158, 255))
    c.put(layer, blur=1.2)


def scene_dam(c, sky):
    horizon = c.sy(0.52)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.5)
    _water(c, sky, horizon + 2)
    layer, d = c.layer()
    y = c.sy(c.rng.uniform(0.66, 0.72))
    d.polygon(((0, y), (c.w, y - 60), (c.w, y + 40), (0, y + 120)), fill=(176, 172, 160, 255))
    d.polygon(((0, y + 120), (c.w, y + 40), (c.w, c.h), (0, c.h)), fill=(90, 130, 80, 255))
    for i in range(7):
        gx = c.sx(0.3) + i * 80
        gy = y - 60 * gx / c.w
        d.rectangle((gx, gy + 10, gx + 44, gy + 70), fill=(110, 110, 110, 255))
    d.line((0, y, c.w, y - 60), fill=(220, 220, 214, 255), width=8)
    c.put(layer)


def scene_river(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    _ground(c, horizon, (80, 130, 70), (120, 160, 110))
    _tree_line(c, horizon + 10, 110, (40, 96, 60), density=2)
    layer, d = c.layer()
    left, right = [], []
    for i in range(21):
        t = i / 20
        y = horizon + 20 + (c.h - horizon) * t
        x = c.sx(0.5) + math.sin(t * 2.6 + 1) * 260 * (1 - t * 0.5)
        half = 40 + 420 * t
        left.append((x - half, y))
        right.append((x + half, y))
    d.polygon(left + right[::-1], fill=sky[4] + (255,))
    c.put(layer)
    fg, fd = c.layer()
    for x in (0.06, 0.14, 0.84, 0.93):
        _palm(fd, c.sx(x), c.sy(0.96), c.sy(c.rng.uniform(0.55, 0.75)), c.rng, lean=c.rng.uniform(-0.2, 0.2))
    _boat(fd, c.sx(0.46), c.sy(0.74), 120, (120, 80, 50))
    c.put(fg)


def scene_market(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 130, 100), (170, 160, 140))
    _tree_line(c, horizon + 10, 180, (40, 96, 60), density=2)
    layer, d = c.layer()
    base = c.sy(0.8)
    colours = [(200, 40, 40), (30, 110, 180), (240, 170, 30), (40, 140, 90)]
    x = c.sx(0.04)
    while x < c.sx(0.9):
        w = c.rng.randint(200, 260)
        _stall(d, x, base, w, c.rng.randint(200, 240), c.rng.choice(colours), c.rng)
        x += w + 30
    _crowd(c, d, c.sy(0.95), 14, 150)
    c.put(layer)


def scene_campsite(c, sky):
    horizon = c.sy(0.55)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.9)
    _water(c, sky, horizon + 4)
    layer, d = c.layer()
    d.polygon(((0, c.sy(0.72)), (c.w, c.sy(0.8)), (c.w, c.h), (0, c.h)), fill=(96, 140, 80, 255))
    colours = [(240, 140, 40), (40, 120, 190), (210, 60, 60), (250, 210, 60)]
    for i in range(4):
        _tent(
            d, c.sx(0.12 + i * 0.2) + c.rng.randint(-30, 30), c.sy(0.9), 200, 150, colours[i], (255, 255, 255)
        )
    d.ellipse((c.sx(0.5) - 30, c.sy(0.93) - 12, c.sx(0.5) + 30, c.sy(0.93) + 12), fill=(90, 70, 50, 255))
    d.polygon(
        ((c.sx(0.5) - 18, c.sy(0.93)), (c.sx(0.5) + 18, c.sy(0.93)), (c.sx(0.5), c.sy(0.93) - 50)),
        fill=(250, 160, 40, 255),
    )
    c.put(layer)


def scene_fair(c, sky, lanterns=False):
    horizon = c.sy(0.52)
    _sky(c, sky, horizon)
    _ground(c, horizon, (170, 160, 150), (190, 190, 180))
    _tree_line(c, horizon + 10, 170, (40, 96, 60), density=2)
    layer, d = c.layer()
    base = c.sy(0.82)
    colours = [(200, 40, 40), (20, 100, 170), (230, 150, 20)]
    x = c.sx(0.03)
    for i in range(5):
        w = c.sx(0.17)
        _stall(d, x, base, w, 230, colours[i % 3], c.rng, goods=True)
        x += w + c.sx(0.025)
    _bunting(d, 0, c.sy(0.22), c.w, c.sy(0.26), c.rng, sag=60)
    if lanterns:
        for i in range(9):
            _lantern(d, c.sx(0.07 + i * 0.108), c.sy(0.36) + 20 * math.sin(i), 26)
    _crowd(c, d, c.sy(0.97), 18, 160)
    c.put(layer)


def scene_spring_fair(c, sky):
    scene_fair(c, sky, lanterns=True)
    layer, d = c.layer()
    for _ in range(40):  # yellow apricot blossoms (hoa mai) in front
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(c.sy(0.05), c.sy(0.2))
        d.ellipse((x - 7, y - 7, x + 7, y + 7), fill=(250, 210, 40, 255))
    c.put(layer)


def scene_expo_hall(c, sky):
    horizon = c.sy(0.66)
    _sky(c, sky, horizon)
    _ground(c, horizon, (190, 186, 180), (200, 200, 196))
    layer, d = c.layer()
    x0, x1, top = c.sx(0.12), c.sx(0.88), c.sy(0.3)
    d.rectangle((x0, top + 60, x1, horizon), fill=(200, 220, 232, 255))
    for i in range(24):
        gx = x0 + (x1 - x0) * i / 24
        d.line((gx, top + 60, gx, horizon), fill=(120, 150, 170, 255), width=3)
    for j in range(5):
        gy = top + 60 + (horizon - top - 60) * j / 5
        d.line((x0, gy, x1, gy), fill=(120, 150, 170, 255), width=3)
    d.chord((x0 - 40, top, x1 + 40, top + 140), 180, 360, fill=(230, 232, 236, 255))
    d.rectangle((x0 - 40, top + 66, x1 + 40, top + 84), fill=(40, 110, 160, 255))
    for i in range(6):
        px = c.sx(0.18 + i * 0.13)
        d.line((px, c.sy(0.94), px, c.sy(0.74)), fill=(120, 120, 120, 255), width=4)
        d.rectangle(
            (px, c.sy(0.74), px + 40, c.sy(0.78)),
            fill=[(200, 40, 40), (250, 200, 40), (30, 110, 190)][i % 3] + (255,),
        )
    _crowd(c, d, c.sy(0.96), 12, 120)
    c.put(layer)
    _tree_line(c, horizon + 10, 140, (40, 96, 60), spread=(0, 0.1))
    _tree_line(c, horizon + 10, 140, (40, 96, 60), spread=(0.9, 1))


def scene_meeting(c, sky):
    layer, d = c.layer()
    d.rectangle((0, 0, c.w, c.h), fill=(232, 228, 220, 255))
    c.put(layer)
    window = Canvas(c.rng, (c.sx(0.6), c.sy(0.42)))
    _sky(window, sky, window.sy(0.7))
    nui_cau(window, sky, window.sy(0.85), scale=0.5)
    c.img.paste(window.img, (c.sx(0.2), c.sy(0.08)))
    layer, d = c.layer()
    d.rectangle((c.sx(0.2), c.sy(0.08), c.sx(0.8), c.sy(0.5)), outline=(120, 110, 100, 255), width=12)
    d.line((c.sx(0.5), c.sy(0.08), c.sx(0.5), c.sy(0.5)), fill=(120, 110, 100, 255), width=8)
    d.polygon(
        (
            (c.sx(0.12), c.sy(0.72)),
            (c.sx(0.88), c.sy(0.72)),
            (c.sx(0.98), c.sy(0.9)),
            (c.sx(0.02), c.sy(0.9)),
        ),
        fill=(140, 96, 60, 255),
    )
    for i in range(6):
        cx = c.sx(0.16 + i * 0.136)
        d.rounded_rectangle((cx - 40, c.sy(0.58), cx + 40, c.sy(0.72)), radius=12, fill=(60, 70, 90, 255))
        d.rectangle((cx - 26, c.sy(0.74), cx + 26, c.sy(0.78)), fill=(250, 250, 250, 255))
    for i, colour in enumerate(((218, 37, 29), (245, 245, 245))):  # two table flags on stands
        fx = c.sx(0.47 + i * 0.06)
        d.line((fx, c.sy(0.71), fx, c.sy(0.6)), fill=(90, 90, 90, 255), width=3)
        d.rectangle((fx, c.sy(0.6), fx + 46, c.sy(0.63)), fill=colour + (255,))
    c.put(layer)


def scene_industrial(c, sky):
    horizon = c.sy(0.6)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon - 10, scale=0.35)
    _ground(c, horizon, (96, 140, 80), (130, 160, 110))
    layer, d = c.layer()
    x = c.sx(0.05)
    while x < c.sx(0.88):
        w = c.rng.randint(280, 380)
        _factory(d, x, c.sy(0.78), w, c.rng.randint(130, 170), c.rng)
        x += w + c.rng.randint(50, 90)
    d.polygon(((0, c.sy(0.86)), (c.w, c.sy(0.84)), (c.w, c.sy(0.9)), (0, c.sy(0.93))), fill=(90, 90, 96, 255))
    for i in range(14):
        d.line((i * 120, c.sy(0.885), i * 120 + 60, c.sy(0.88)), fill=(240, 240, 230, 255), width=4)
    c.put(layer)
    _tree_line(c, c.sy(0.99), 120, (44, 110, 66), density=1.4)


def scene_cold_storage(c, sky):
    horizon = c.sy(0.6)
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 150, 146), (170, 170, 166))
    _tree_line(c, horizon + 10, 160, (40, 96, 60), density=2)
    layer, d = c.layer()
    d.rectangle((c.sx(0.1), c.sy(0.38), c.sx(0.9), c.sy(0.74)), fill=(236, 240, 244, 255))
    d.rectangle((c.sx(0.1), c.sy(0.36), c.sx(0.9), c.sy(0.4)), fill=(40, 110, 180, 255))
    for i in range(6):
        gx = c.sx(0.14 + i * 0.13)
        d.rectangle((gx, c.sy(0.5), gx + c.sx(0.09), c.sy(0.74)), fill=(170, 180, 190, 255))
        for j in range(6):
            d.line(
                (gx, c.sy(0.5) + j * 22, gx + c.sx(0.09), c.sy(0.5) + j * 22),
                fill=(150, 160, 170, 255),
                width=2,
            )
    for i in range(3):
        _truck(d, c.sx(0.08 + i * 0.3), c.sy(0.93), 300, c.rng)
    c.put(layer)


def scene_biogas(c, sky):
    horizon = c.sy(0.58)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.4)
    _ground(c, horizon, (110, 150, 80), (140, 170, 110))
    layer, d = c.layer()
    for i in range(3):
        cx, r = c.sx(0.22 + i * 0.2), c.rng.randint(110, 150)
        base = c.sy(0.8)
        d.chord((cx - r, base - r, cx + r, base + r), 180, 360, fill=(56, 96, 70, 255))
        d.chord(
            (cx - r * 0.7, base - r * 0.92, cx + r * 0.2, base - r * 0.2), 180, 360, fill=(86, 130, 96, 255)
        )
    d.line((c.sx(0.1), c.sy(0.78), c.sx(0.72), c.sy(0.78)), fill=(200, 200, 200, 255), width=8)
    for i in range(4):  # solar panels
        px = c.sx(0.7 + i * 0.07)
        d.polygon(
            ((px, c.sy(0.86)), (px + 90, c.sy(0.86)), (px + 110, c.sy(0.76)), (px + 20, c.sy(0.76))),
            fill=(30, 60, 120, 255),
        )
        for k in range(1, 4):
            d.line(
                (px + k * 25, c.sy(0.86), px + 20 + k * 25, c.sy(0.76)), fill=(140, 170, 210, 255), width=2
            )
    c.put(layer)
    _tree_line(c, c.sy(0.97), 150, (44, 110, 66), density=1.2, spread=(0, 0.2))


def scene_orchard(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    _ground(c, horizon, (120, 140, 70), (140, 170, 100))
    layer, d = c.layer()
    vx = c.sx(c.rng.uniform(0.4, 0.6))
    fruit = c.rng.choice([(250, 200, 50), (240, 140, 40), (120, 180, 60)])
    for row in range(-6, 7):
        for depth in range(1, 10):
            t = depth / 10
            x = vx + row * 260 * (1 - t) ** 1.5
            y = horizon + (c.h - horizon) * (1 - t) ** 1.6
            size = 200 * (1 - t) ** 1.6 + 16
            _tree(d, x, y, size, (50, 120, 60), c.rng)
            for _ in range(3):
                fx, fy = x + c.rng.uniform(-0.25, 0.25) * size, y - size * c.rng.uniform(0.5, 0.8)
                r = max(2, size * 0.05)
                d.ellipse((fx - r, fy - r, fx + r, fy + r), fill=fruit + (255,))
        d.line((vx, horizon, vx + row * 300, c.h), fill=(40, 40, 40, 90), width=2)
    c.put(layer)


def scene_housing(c, sky):
    horizon = c.sy(0.72)
    _sky(c, sky, horizon)
    _ground(c, horizon, (120, 150, 100), (140, 160, 120))
    layer, d = c.layer()
    x = c.sx(0.06)
    while x < c.sx(0.86):
        w, h = c.rng.randint(220, 300), c.rng.randint(360, 460)
        wall = c.rng.choice([(240, 232, 214), (226, 236, 240), (244, 226, 210)])
        d.rectangle((x, horizon - h, x + w, horizon), fill=wall + (255,))
        for fy in range(int(horizon - h + 30), int(horizon - 40), 70):
            for fx in range(int(x + 24), int(x + w - 40), 60):
                d.rectangle((fx, fy, fx + 32, fy + 40), fill=(110, 140, 170, 255))
                d.line((fx - 4, fy + 44, fx + 36, fy + 44), fill=(160, 150, 140, 255), width=4)
        x += w + c.rng.randint(60, 100)
    c.put(layer)
    _tree_line(c, c.sy(0.98), 200, (44, 110, 66), density=1.1)


def scene_resort(c, sky):
    horizon = c.sy(0.55)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.7)
    _water(c, sky, horizon + 4)
    layer, d = c.layer()
    d.polygon(((0, c.sy(0.7)), (c.sx(0.55), c.sy(0.74)), (c.sx(0.6), c.h), (0, c.h)), fill=(90, 130, 76, 255))
    for i in range(3):
        x, base = c.sx(0.05 + i * 0.15), c.sy(0.82) + i * 20
        d.rectangle((x, base - 110, x + 160, base), fill=(176, 130, 84, 255))
        d.polygon(
            ((x - 30, base - 110), (x + 190, base - 110), (x + 80, base - 220)), fill=(196, 170, 110, 255)
        )
        d.rectangle((x + 60, base - 70, x + 100, base), fill=(100, 70, 40, 255))
    d.rectangle((c.sx(0.5), c.sy(0.78), c.sx(0.86), c.sy(0.8)), fill=(140, 100, 60, 255))
    for i in range(8):
        d.line(
            (c.sx(0.52) + i * 70, c.sy(0.8), c.sx(0.52) + i * 70, c.sy(0.86)),
            fill=(110, 80, 50, 255),
            width=6,
        )
    c.put(layer)
    fg, fd = c.layer()
    _palm(fd, c.sx(0.48), c.sy(0.9), c.sy(0.6), c.rng, lean=0.15)
    c.put(fg)


def scene_visitor_centre(c, sky):
    horizon = c.sy(0.66)
    _sky(c, sky, c.sy(0.55))
    nui_cau(c, sky, horizon, scale=1.1)
    _ground(c, horizon, (150, 150, 140), (160, 170, 150))
    layer, d = c.layer()
    x0, x1 = c.sx(0.3), c.sx(0.7)
    d.rectangle((x0, c.sy(0.56), x1, c.sy(0.75)), fill=(236, 228, 210, 255))
    d.polygon(
        ((x0 - 40, c.sy(0.56)), (x1 + 40, c.sy(0.56)), (x1 - 30, c.sy(0.46)), (x0 + 30, c.sy(0.46))),
        fill=(150, 70, 44, 255),
    )
    for i in range(8):
        d.rectangle((x0 + 20 + i * 78, c.sy(0.6), x0 + 70 + i * 78, c.sy(0.72)), fill=(130, 170, 190, 255))
    for i in range(16):  # the car park's bays
        d.line(
            (c.sx(0.05) + i * 95, c.sy(0.8), c.sx(0.02) + i * 100, c.sy(0.97)),
            fill=(245, 245, 240, 255),
            width=4,
        )
    for i in range(6):
        cx = c.sx(0.08) + i * 190 + c.rng.randint(0, 30)
        colour = c.rng.choice([(200, 40, 40), (240, 240, 240), (40, 80, 160), (90, 90, 90)])
        d.rounded_rectangle((cx, c.sy(0.85), cx + 120, c.sy(0.92)), radius=14, fill=colour + (255,))
        d.rounded_rectangle(
            (cx + 24, c.sy(0.81), cx + 96, c.sy(0.86)), radius=10, fill=_shade(colour, 0.8) + (255,)
        )
    c.put(layer)


def scene_pier(c, sky):
    scene_river(c, sky)
    layer, d = c.layer()
    d.rectangle((c.sx(0.6), c.sy(0.68), c.sx(0.95), c.sy(0.71)), fill=(140, 100, 60, 255))
    for i in range(6):
        d.line(
            (c.sx(0.62) + i * 90, c.sy(0.71), c.sx(0.62) + i * 90, c.sy(0.78)),
            fill=(110, 80, 50, 255),
            width=8,
        )
    d.rectangle((c.sx(0.82), c.sy(0.56), c.sx(0.95), c.sy(0.68)), fill=(236, 226, 200, 255))
    d.polygon(
        ((c.sx(0.8), c.sy(0.56)), (c.sx(0.97), c.sy(0.56)), (c.sx(0.885), c.sy(0.48))),
        fill=(160, 70, 44, 255),
    )
    for i in range(2):
        _boat(d, c.sx(0.55 + i * 0.16), c.sy(0.8) + i * 20, 150, (60, 110, 160))
    c.put(layer)


def scene_fruit_drying(c, sky):
    horizon = c.sy(0.56)
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 140, 110), (170, 170, 140))
    _tree_line(c, horizon + 10, 170, (40, 100, 60), density=2)
    layer, d = c.layer()
    x0, x1, top, base = c.sx(0.08), c.sx(0.6), c.sy(0.3), c.sy(0.64)
    d.chord((x0, top, x1, base + (base - top)), 180, 360, fill=(226, 236, 236, 235))
    d.rectangle((x0, base, x1, base + 20), fill=(150, 150, 150, 255))
    for i in range(1, 9):
        gx = x0 + (x1 - x0) * i / 9
        d.line(
            (gx, base, gx, top + (base - top) * (1 - math.sin(math.pi * i / 9)) ** 0.5 * 0.95),
            fill=(160, 180, 186, 255),
            width=4,
        )
    fruit = [(250, 180, 40), (246, 150, 30), (250, 210, 80)]
    for r in range(3):  # racks of drying mango and jackfruit in the sun
        y = c.sy(0.74) + r * 90
        x_start = c.sx(0.55) - r * 40
        d.rectangle((x_start, y, c.sx(0.97), y + 14), fill=(120, 90, 60, 255))
        d.line((x_start + 10, y + 14, x_start + 10, y + 90), fill=(120, 90, 60, 255), width=6)
        for i in range(int((c.sx(0.97) - x_start) / 34)):
            fx = x_start + 16 + i * 34
            d.ellipse((fx - 14, y - 20, fx + 14, y + 4), fill=c.rng.choice(fruit) + (255,))
    c.put(layer)


def scene_civic(c, sky):
    horizon = c.sy(0.74)
    _sky(c, sky, horizon)
    _ground(c, horizon, (180, 176, 166), (190, 190, 180))
    layer, d = c.layer()
    x0, x1, top = c.sx(0.2), c.sx(0.8), c.sy(0.34)
    d.rectangle((x0, top, x1, horizon), fill=(244, 232, 196, 255))
    d.polygon(((c.sx(0.4), top), (c.sx(0.6), top), (c.sx(0.5), top - 70)), fill=(232, 216, 176, 255))
    for i in range(8):
        px = x0 + 30 + i * ((x1 - x0 - 60) / 7)
        d.rectangle((px - 12, top + 40, px + 12, horizon), fill=(252, 246, 230, 255))
    for j in range(3):
        for i in range(7):
            wx = x0 + 60 + i * ((x1 - x0 - 120) / 6.5)
            d.rectangle((wx, top + 60 + j * 90, wx + 36, top + 110 + j * 90), fill=(120, 140, 150, 255))
    d.line((c.sx(0.5), top - 70, c.sx(0.5), top - 220), fill=(120, 120, 120, 255), width=6)
    d.rectangle((c.sx(0.5), top - 220, c.sx(0.5) + 150, top - 120), fill=(218, 37, 29, 255))
    cx, cy, r = c.sx(0.5) + 75, top - 170, 32
    star = [
        (
            cx + r * math.cos(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4),
            cy + r * math.sin(math.radians(-90 + k * 36)) * (1 if k % 2 == 0 else 0.4),
        )
        for k in range(10)
    ]
    d.polygon(star, fill=(255, 221, 0, 255))
    c.put(layer)
    _tree_line(c, horizon + 60, 260, (44, 110, 66), density=1.2, spread=(0, 0.18))
    _tree_line(c, horizon + 60, 260, (44, 110, 66), density=1.2, spread=(0.82, 1))


def scene_forest_fire(c, sky):
    sky = SKIES["golden"]
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    nui_cau(c, sky, c.sy(0.72), scale=1.3)
    layer, d = c.layer()
    tx = c.sx(c.rng.uniform(0.55, 0.7))
    base = c.sy(0.66)
    d.line((tx - 50, base, tx - 20, base - 260), fill=(100, 80, 60, 255), width=8)
    d.line((tx + 50, base, tx + 20, base - 260), fill=(100, 80, 60, 255), width=8)
    for k in range(4):
        y = base - k * 65
        d.line((tx - 48 + k * 7, y, tx + 48 - k * 7, y - 40), fill=(100, 80, 60, 255), width=4)
    d.rectangle((tx - 55, base - 320, tx + 55, base - 250), fill=(140, 100, 60, 255))
    d.polygon(((tx - 75, base - 320), (tx + 75, base - 320), (tx, base - 380)), fill=(170, 60, 40, 255))
    c.put(layer)
    _tree_line(c, c.h + 20, 260, (110, 110, 60), density=1.3)  # dry-season leaves


def scene_survey(c, sky):
    horizon = c.sy(0.55)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.3)
    _ground(c, horizon, (168, 130, 90), (176, 160, 120))
    layer, d = c.layer()
    for i in range(9):
        t = i / 8
        x, y = c.sx(0.1) + (c.sx(0.8)) * t, c.sy(0.62) + c.sy(0.3) * (1 - abs(t - 0.5) * 2)
        d.rectangle((x - 6, y - 60, x + 6, y), fill=(240, 240, 240, 255))
        d.rectangle((x - 6, y - 60, x + 6, y - 44), fill=(220, 40, 40, 255))
    _truck(d, c.sx(0.62), c.sy(0.9), 260, c.rng, colour=(250, 250, 250))
    for i in range(3):
        _person(d, c.sx(0.3 + i * 0.07), c.sy(0.92), 170, (250, 250, 250), c.rng)
    d.line((c.sx(0.42), c.sy(0.92), c.sx(0.44), c.sy(0.78)), fill=(70, 70, 70, 255), width=4)
    d.rectangle((c.sx(0.43), c.sy(0.76), c.sx(0.46), c.sy(0.79)), fill=(250, 200, 40, 255))
    c.put(layer)
    _tree_line(c, horizon + 10, 120, (44, 100, 60), spread=(0.75, 1))


def scene_screens(c, sky):
    _backdrop(c, sky, c.sy(0.6), blur=14)
    _wood(c, c.sy(0.74), (180, 140, 100))
    frame, fd = c.layer()
    x0, x1, y0, y1 = c.sx(0.22), c.sx(0.72), c.sy(0.18), c.sy(0.66)
    fd.rounded_rectangle((x0, y0, x1, y1), radius=18, fill=(30, 32, 36, 255))
    c.put(frame)
    screen = Canvas(c.rng, (x1 - x0 - 40, y1 - y0 - 40))
    _sky(screen, SKIES["morning"], screen.sy(0.6))
    nui_cau(screen, SKIES["morning"], screen.sy(0.66), scale=0.4)
    _water(screen, SKIES["morning"], screen.sy(0.68))
    bar, bd = screen.layer()
    bd.rectangle((0, 0, screen.w, screen.sy(0.1)), fill=(6, 61, 50, 255))
    for i in range(5):
        bd.rounded_rectangle(
            (screen.sx(0.05 + i * 0.16), screen.sy(0.03), screen.sx(0.18 + i * 0.16), screen.sy(0.07)),
            radius=8,
            fill=(60, 110, 96, 255),
        )
    screen.put(bar)
    c.img.paste(screen.img, (x0 + 20, y0 + 20))
    layer, d = c.layer()
    d.polygon(
        ((c.sx(0.44), y1), (c.sx(0.5), y1), (c.sx(0.53), c.sy(0.76)), (c.sx(0.41), c.sy(0.76))),
        fill=(60, 62, 66, 255),
    )
    px0, py0 = c.sx(0.76), c.sy(0.42)
    d.rounded_rectangle((px0, py0, px0 + 150, py0 + 300), radius=22, fill=(26, 26, 30, 255))
    d.rounded_rectangle((px0 + 10, py0 + 16, px0 + 140, py0 + 284), radius=12, fill=(214, 236, 246, 255))
    d.rectangle((px0 + 10, py0 + 16, px0 + 140, py0 + 50), fill=(6, 61, 50, 255))
    for j in range(4):
        d.rounded_rectangle(
            (px0 + 22, py0 + 70 + j * 52, px0 + 128, py0 + 108 + j * 52), radius=6, fill=(250, 250, 250, 255)
        )
    c.put(layer)


# close-ups of products


def scene_bird_nest(c, sky):
    _backdrop(c, sky, c.sy(0.62), blur=6)
    layer, d = c.layer()
    bx = c.sx(c.rng.choice((0.12, 0.7)))
    d.rectangle((bx, c.sy(0.2), bx + 260, c.sy(0.62)), fill=(220, 214, 200, 255))  # the swiftlet house
    for j in range(4):
        for i in range(3):
            d.rectangle(
                (bx + 40 + i * 70, c.sy(0.26) + j * 90, bx + 60 + i * 70, c.sy(0.26) + j * 90 + 12),
                fill=(70, 70, 70, 255),
            )
    for _ in range(14):  # swiftlets
        x, y = c.rng.uniform(c.sx(0.05), c.sx(0.95)), c.rng.uniform(c.sy(0.05), c.sy(0.3))
        s = c.rng.uniform(12, 24)
        d.line((x - s, y - s * 0.3, x, y, x + s, y - s * 0.35), fill=(40, 40, 50, 255), width=4)
    c.put(layer)
    _wood(c, c.sy(0.66), (150, 104, 64))
    layer, d = c.layer()
    d.ellipse((c.sx(0.24), c.sy(0.7), c.sx(0.76), c.sy(0.96)), fill=(236, 226, 200, 255))
    for i in range(5):
        cx = c.sx(0.32 + i * 0.09)
        cy = c.sy(0.8) + (i % 2) * 30
        d.chord((cx - 80, cy - 60, cx + 80, cy + 50), 0, 180, fill=(248, 244, 232, 255))
        for k in range(16):
            a = math.pi * k / 15
            d.line(
                (cx - 70 * math.cos(a), cy + 10, cx - 78 * math.cos(a), cy + 10 + 40 * math.sin(a)),
                fill=(226, 216, 190, 255),
                width=2,
            )
    c.put(layer)


def scene_honey(c, sky):
    _backdrop(c, sky, c.sy(0.6), blur=5)
    layer, d = c.layer()
    for i in range(9):  # rubber trunks behind
        x = c.sx(0.05) + i * 190
        d.line((x, c.sy(0.66), x + 3, 0), fill=(196, 188, 170, 230), width=18)
    for i in range(2):  # beehive boxes
        x = c.sx(c.rng.choice((0.08, 0.66))) + i * 180
        d.rectangle((x, c.sy(0.46), x + 150, c.sy(0.62)), fill=(226, 190, 110, 255))
        d.rectangle((x - 8, c.sy(0.44), x + 158, c.sy(0.47)), fill=(150, 110, 70, 255))
    c.put(layer, blur=2)
    _wood(c, c.sy(0.66))
    layer, d = c.layer()
    for i, (jx, jh) in enumerate(((0.32, 0.3), (0.5, 0.36), (0.66, 0.26))):
        x, w, h = c.sx(jx), 150 + i * 10, c.sy(jh)
        base = c.sy(0.86)
        d.rounded_rectangle((x - w / 2, base - h, x + w / 2, base), radius=30, fill=(214, 138, 30, 235))
        d.rounded_rectangle(
            (x - w / 2 + 14, base - h + 20, x - w / 2 + 40, base - 20), radius=10, fill=(250, 200, 110, 200)
        )
        d.rectangle((x - w / 2 + 10, base - h - 30, x + w / 2 - 10, base - h + 6), fill=(230, 226, 216, 255))
    for k in range(7):  # a piece of comb
        cx, cy = c.sx(0.82) + (k % 3) * 44, c.sy(0.84) + (k // 3) * 38
        hexagon = [
            (cx + 22 * math.cos(math.radians(60 * j)), cy + 22 * math.sin(math.radians(60 * j)))
            for j in range(6)
        ]
        d.polygon(hexagon, fill=(240, 180, 50, 255), outline=(200, 140, 30, 255))
    c.put(layer)


def scene_cashew(c, sky):
    _backdrop(c, sky, c.sy(0.6))
    _wood(c, c.sy(0.58), (140, 96, 56))
    layer, d = c.layer()
    d.ellipse((c.sx(0.18), c.sy(0.64), c.sx(0.62), c.sy(0.98)), fill=(190, 150, 90, 255))
    d.ellipse((c.sx(0.21), c.sy(0.66), c.sx(0.59), c.sy(0.94)), fill=(170, 126, 72, 255))
    for _ in range(120):
        x, y = c.rng.uniform(c.sx(0.25), c.sx(0.55)), c.rng.uniform(c.sy(0.7), c.sy(0.9))
        a = c.rng.uniform(0, 180)
        r = 22
        d.pieslice((x - r, y - r, x + r, y + r), a, a + 200, fill=(236, 206, 150, 255))
        d.pieslice(
            (x - r * 0.5, y - r * 0.5, x + r * 0.5, y + r * 0.5), a, a + 200, fill=(214, 176, 110, 255)
        )
    for i in range(3):  # cashew apples with their nut
        x, y = c.sx(0.68 + i * 0.09), c.sy(0.78) + (i % 2) * 40
        colour = [(226, 60, 40), (250, 180, 30), (236, 110, 40)][i]
        d.ellipse((x - 60, y - 90, x + 60, y + 60), fill=colour + (255,))
        d.ellipse((x - 40, y - 80, x - 10, y - 20), fill=_shade(colour, 1.25) + (255,))
        d.pieslice((x - 38, y + 30, x + 38, y + 110), 20, 240, fill=(110, 120, 80, 255))
    c.put(layer)


def scene_dried_fish(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.6)
    _water(c, sky, horizon + 4)
    layer, d = c.layer()
    d.polygon(((0, c.sy(0.66)), (c.w, c.sy(0.7)), (c.w, c.h), (0, c.h)), fill=(190, 170, 130, 255))
    for r in range(2):
        y0 = c.sy(0.72) + r * 120
        x0, x1 = c.sx(0.06) + r * 60, c.sx(0.94) - r * 60
        d.line((x0, y0, x0, y0 + 120), fill=(140, 120, 70, 255), width=8)
        d.line((x1, y0, x1, y0 + 120), fill=(140, 120, 70, 255), width=8)
        d.rectangle((x0, y0, x1, y0 + 12), fill=(170, 150, 90, 255))
        for i in range(int((x1 - x0) / 46)):
            fx = x0 + 20 + i * 46
            d.ellipse((fx - 14, y0 - 60, fx + 14, y0 + 8), fill=(196, 170, 120, 255))
            d.polygon(((fx - 12, y0 - 58), (fx + 12, y0 - 58), (fx, y0 - 80)), fill=(170, 146, 100, 255))
    c.put(layer)


def scene_furniture(c, sky):
    _backdrop(c, sky, c.sy(0.6), blur=12)
    layer, d = c.layer()
    d.rectangle((0, c.sy(0.74), c.w, c.h), fill=(190, 170, 140, 255))
    wood, dark = (214, 168, 112), (176, 128, 80)
    d.polygon(
        ((c.sx(0.3), c.sy(0.5)), (c.sx(0.7), c.sy(0.5)), (c.sx(0.78), c.sy(0.58)), (c.sx(0.22), c.sy(0.58))),
        fill=wood + (255,),
    )
    d.rectangle((c.sx(0.22), c.sy(0.58), c.sx(0.78), c.sy(0.61)), fill=dark + (255,))
    for lx in (0.25, 0.74):
        d.rectangle((c.sx(lx), c.sy(0.61), c.sx(lx) + 22, c.sy(0.86)), fill=dark + (255,))
    for cx in (0.14, 0.86):
        x = c.sx(cx)
        d.rectangle((x - 70, c.sy(0.42), x + 70, c.sy(0.46)), fill=wood + (255,))
        for k in range(4):
            d.rectangle((x - 60 + k * 36, c.sy(0.46), x - 46 + k * 36, c.sy(0.6)), fill=wood + (255,))
        d.rectangle((x - 80, c.sy(0.6), x + 80, c.sy(0.64)), fill=wood + (255,))
        d.rectangle((x - 76, c.sy(0.64), x - 62, c.sy(0.88)), fill=dark + (255,))
        d.rectangle((x + 62, c.sy(0.64), x + 76, c.sy(0.88)), fill=dark + (255,))
    d.ellipse((c.sx(0.45), c.sy(0.44), c.sx(0.55), c.sy(0.52)), fill=(240, 240, 236, 255))
    c.put(layer)


def scene_tea(c, sky):
    _backdrop(c, sky, c.sy(0.58))
    _wood(c, c.sy(0.6), (120, 80, 50))
    layer, d = c.layer()
    cx, cy = c.sx(c.rng.uniform(0.42, 0.52)), c.sy(0.78)
    d.ellipse((cx - 200, cy + 40, cx + 200, cy + 110), fill=(240, 236, 226, 255))
    d.chord((cx - 140, cy - 150, cx + 140, cy + 90), 0, 180, fill=(246, 242, 234, 255))
    d.rectangle((cx - 140, cy - 60, cx + 140, cy - 28), fill=(246, 242, 234, 255))
    d.ellipse((cx - 140, cy - 90, cx + 140, cy - 30), fill=(196, 130, 50, 255))
    d.arc((cx + 110, cy - 40, cx + 200, cy + 40), -90, 90, fill=(246, 242, 234, 255), width=16)
    steam, sd = c.layer()
    for k in range(3):
        x = cx - 60 + k * 60
        sd.line(
            [(x + 14 * math.sin(t / 3), cy - 100 - t * 8) for t in range(20)],
            fill=(255, 255, 255, 120),
            width=8,
        )
    c.put(layer)
    c.put(steam, blur=6)
    layer, d = c.layer()
    for k in range(3):  # ginger root
        gx, gy = c.sx(0.72) + k * 60, c.sy(0.86) - k * 10
        d.ellipse((gx - 60, gy - 24, gx + 60, gy + 24), fill=(220, 190, 130, 255))
        d.ellipse((gx + 30, gy - 50, gx + 80, gy - 10), fill=(226, 196, 136, 255))
    d.rounded_rectangle((c.sx(0.16), c.sy(0.64), c.sx(0.24), c.sy(0.86)), radius=20, fill=(214, 138, 30, 235))
    c.put(layer)


def scene_pomelo(c, sky):
    _backdrop(c, sky, c.sy(0.7), scale=0.6, blur=10)
    layer, d = c.layer()
    leaf = (46, 110, 50)
    d.line((0, c.sy(0.18), c.w, c.sy(0.3)), fill=(96, 76, 50, 255), width=18)
    for _ in range(60):
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(c.sy(0.08), c.sy(0.45))
        length = c.rng.uniform(60, 120)
        d.ellipse(
            (x - length / 2, y - length / 5, x + length / 2, y + length / 5),
            fill=_shade(leaf, c.rng.uniform(0.8, 1.3)) + (255,),
        )
    for i in range(c.rng.randint(3, 5)):
        x, y = c.sx(0.18 + i * 0.18) + c.rng.randint(-30, 30), c.sy(0.52) + c.rng.randint(-40, 60)
        r = c.rng.randint(120, 160)
        d.line((x, y - r, x + 10, c.sy(0.24)), fill=(96, 76, 50, 255), width=6)
        d.ellipse((x - r, y - r, x + r, y + r * 0.95), fill=(92, 150, 60, 255))
        d.ellipse((x - r * 0.6, y - r * 0.7, x - r * 0.1, y - r * 0.2), fill=(130, 186, 80, 255))
    c.put(layer)


def scene_baskets(c, sky):
    layer, d = c.layer()
    d.rectangle((0, 0, c.w, c.h), fill=(226, 214, 192, 255))
    c.put(layer)
    layer, d = c.layer()
    for shelf in (0.44, 0.9):
        d.rectangle((0, c.sy(shelf), c.w, c.sy(shelf) + 22), fill=(140, 100, 60, 255))
    for row, shelf in enumerate((0.44, 0.9)):
        x = c.sx(0.06) + row * 60
        while x < c.sx(0.88):
            w = c.rng.randint(200, 260)
            h = c.rng.randint(150, 230)
            base = c.sy(shelf)
            colour = c.rng.choice([(196, 150, 90), (176, 130, 70), (210, 170, 110)])
            d.polygon(
                ((x, base - h), (x + w, base - h), (x + w * 0.9, base), (x + w * 0.1, base)),
                fill=colour + (255,),
            )
            for k in range(1, 9):
                yy = base - h + h * k / 9
                d.line(
                    (x + w * 0.05 * k / 9, yy, x + w - w * 0.05 * k / 9, yy),
                    fill=_shade(colour, 0.75) + (255,),
                    width=3,
                )
            for k in range(1, 12):
                xx = x + w * k / 12
                d.line(
                    (xx, base - h, xx + (w * 0.5 - w * k / 12) * 0.1, base),
                    fill=_shade(colour, 0.85) + (255,),
                    width=2,
                )
            d.arc(
                (x + w * 0.2, base - h - h * 0.4, x + w * 0.8, base - h + h * 0.3),
                180,
                360,
                fill=_shade(colour, 0.7) + (255,),
                width=10,
            )
            x += w + c.rng.randint(40, 80)
    c.put(layer)


def scene_engraving(c, sky):
    _backdrop(c, sky, c.sy(0.62), blur=16)
    layer, d = c.layer()
    x0, y0, x1, y1 = c.sx(0.2), c.sy(0.14), c.sx(0.8), c.sy(0.86)
    d.rectangle((x0 - 20, y0 - 20, x1 + 20, y1 + 20), fill=(150, 100, 60, 255))
    d.rectangle((x0, y0, x1, y1), fill=(226, 186, 136, 255))
    for _ in range(50):
        y = c.rng.uniform(y0, y1)
        d.line((x0, y, x1, y + c.rng.uniform(-5, 5)), fill=(214, 172, 120, 255), width=2)
    burn = (96, 56, 30, 255)
    pts = []
    for i in range(61):
        t = i / 60
        x = x0 + (x1 - x0) * t
        y = (
            y0
            + (y1 - y0) * 0.62
            - (y1 - y0) * 0.36 * math.exp(-(((t - 0.46) / 0.14) ** 2))
            - (y1 - y0) * 0.26 * math.exp(-(((t - 0.64) / 0.1) ** 2))
        )
        pts.append((x, y))
    d.line(pts, fill=burn, width=6)
    for k in range(1, 8):
        d.line([(x, y + k * 16) for x, y in pts], fill=(120, 76, 44, 180), width=2)
    tx, base = x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.6
    for i in range(5):
        w = 60 - i * 9
        d.rectangle((tx - w / 2, base - (i + 1) * 38, tx + w / 2, base - i * 38), outline=burn, width=4)
    d.line((x0 + 30, y1 - 90, x1 - 30, y1 - 90), fill=burn, width=4)
    for k in range(8):
        d.arc((x0 + 40 + k * 80, y1 - 110, x0 + 100 + k * 80, y1 - 70), 200, 340, fill=burn, width=3)
    c.put(layer)


def scene_soap(c, sky):
    _backdrop(c, sky, c.sy(0.56), blur=12)
    _wood(c, c.sy(0.6), (196, 170, 130))
    layer, d = c.layer()
    colours = [(236, 220, 150), (190, 220, 170), (240, 200, 180), (90, 90, 96)]
    for i, colour in enumerate(colours):
        x = c.sx(0.2 + i * 0.15) + c.rng.randint(-20, 20)
        y = c.sy(0.76) + (i % 2) * 50
        d.rounded_rectangle((x - 110, y - 70, x + 110, y + 70), radius=30, fill=colour + (255,))
        d.rounded_rectangle((x - 90, y - 56, x + 90, y - 30), radius=14, fill=_shade(colour, 1.08) + (255,))
    for k in range(7):  # lemongrass stalks
        x = c.sx(0.74) + k * 24
        d.line((x, c.sy(0.98), x + 150 + k * 20, c.sy(0.6) - k * 14), fill=(120, 170, 70, 255), width=12)
    c.put(layer)


def scene_fair_aisle(c, sky):
    horizon = c.sy(0.46)
    _sky(c, sky, horizon)
    _ground(c, horizon, (176, 168, 156), (196, 194, 186))
    _tree_line(c, horizon + 6, 120, (40, 96, 60), density=2)
    layer, d = c.layer()
    vx = c.sx(c.rng.uniform(0.44, 0.56))
    colours = [(186, 48, 48), (28, 96, 160), (214, 140, 24), (40, 130, 84)]
    for side in (-1, 1):
        for k in range(7, -1, -1):  # far to near
            t = k / 8
            scale = (1 - t) ** 1.5 + 0.08
            x = vx + side * (90 + 700 * scale)
            base = horizon + (c.h - horizon) * scale * 0.95
            w, h = 300 * scale, 260 * scale
            _stall(d, x - (w if side < 0 else 0), base, w, h, colours[(k + side) % 4], c.rng)
    for k in range(4):
        y = c.sy(0.14) + k * 40
        _bunting(d, 0, y, c.w, y + 20, c.rng, sag=40 + k * 10)
    for _ in range(16):
        t = c.rng.uniform(0.05, 0.9)
        scale = (1 - t) ** 1.5 + 0.08
        _person(
            d,
            vx + c.rng.uniform(-160, 160) * scale * 2,
            horizon + (c.h - horizon) * scale * 0.98,
            190 * scale,
            c.rng.choice([(200, 60, 60), (40, 90, 160), (240, 200, 60), (230, 230, 230)]),
            c.rng,
        )
    c.put(layer)


def scene_fair_marquee(c, sky):
    horizon = c.sy(0.6)
    _sky(c, sky, horizon)
    _ground(c, horizon, (120, 150, 96), (150, 170, 120))
    _tree_line(c, horizon + 8, 150, (40, 96, 60), density=2)
    layer, d = c.layer()
    n = c.rng.randint(3, 4)
    width = c.sx(0.86) / n
    for i in range(n):
        x = c.sx(0.07) + i * width
        base, h = c.sy(0.84), c.rng.randint(220, 280)
        d.rectangle((x + 10, base - h * 0.6, x + width - 10, base), fill=(246, 246, 242, 255))
        d.polygon(
            ((x, base - h * 0.6), (x + width, base - h * 0.6), (x + width / 2, base - h)),
            fill=(236, 236, 232, 255),
        )
        d.line((x + width / 2, base - h, x + width / 2, base - h - 60), fill=(120, 120, 120, 255), width=4)
        d.polygon(
            (
                (x + width / 2, base - h - 60),
                (x + width / 2 + 50, base - h - 46),
                (x + width / 2, base - h - 32),
            ),
            fill=c.rng.choice([(200, 40, 40), (30, 100, 180), (240, 180, 30)]) + (255,),
        )
        d.rectangle((x + width * 0.3, base - h * 0.45, x + width * 0.7, base), fill=(214, 222, 228, 255))
    _crowd(c, d, c.sy(0.97), 10, 140)
    c.put(layer)


def scene_food_stalls(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    _ground(c, horizon, (150, 130, 100), (170, 160, 140))
    layer, d = c.layer()
    for i in range(5):
        _stall(
            d,
            c.sx(0.02 + i * 0.2),
            c.sy(0.7),
            c.sx(0.18),
            220,
            c.rng.choice([(200, 40, 40), (30, 100, 170)]),
            c.rng,
        )
    _crowd(c, d, c.sy(0.78), 10, 130)
    c.put(layer, blur=5)
    _wood(c, c.sy(0.7), (120, 96, 70))
    layer, d = c.layer()
    for i, x in enumerate((0.26, 0.5)):  # bowls of noodle soup
        cx, cy = c.sx(x), c.sy(0.82) + i * 20
        d.ellipse((cx - 150, cy - 50, cx + 150, cy + 40), fill=(240, 238, 230, 255))
        d.ellipse((cx - 130, cy - 44, cx + 130, cy + 20), fill=(196, 140, 70, 255))
        for k in range(7):
            d.arc(
                (cx - 110 + k * 30, cy - 30, cx - 60 + k * 30, cy + 10),
                0,
                180,
                fill=(250, 240, 210, 255),
                width=5,
            )
        d.ellipse((cx - 40, cy - 40, cx + 10, cy - 20), fill=(90, 160, 60, 255))
        d.line((cx + 60, cy - 40, cx + 170, cy - 150), fill=(160, 120, 70, 255), width=6)
        d.line((cx + 80, cy - 40, cx + 190, cy - 140), fill=(160, 120, 70, 255), width=6)
    gx = c.sx(0.76)
    d.rectangle((gx - 50, c.sy(0.66), gx + 50, c.sy(0.86)), fill=(210, 226, 150, 220))
    d.rectangle((gx - 50, c.sy(0.66), gx + 50, c.sy(0.69)), fill=(240, 244, 220, 240))
    d.line((gx + 20, c.sy(0.6), gx + 6, c.sy(0.84)), fill=(40, 160, 70, 255), width=8)
    c.put(layer)


def scene_lakeside_festival(c, sky):
    sky = SKIES["dusk"]
    horizon = c.sy(0.48)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.5)
    _water(c, sky, horizon + 3)
    layer, d = c.layer()
    d.polygon(((0, c.sy(0.68)), (c.w, c.sy(0.62)), (c.w, c.h), (0, c.h)), fill=(120, 110, 90, 255))
    for i in range(5):
        _stall(
            d,
            c.sx(0.04 + i * 0.19),
            c.sy(0.84) - i * 12,
            c.sx(0.16),
            200,
            c.rng.choice([(200, 40, 40), (230, 160, 30)]),
            c.rng,
        )
    for i in range(12):
        _lantern(d, c.sx(0.04 + i * 0.085), c.sy(0.4) + 16 * math.sin(i * 0.9), 18)
    d.line((0, c.sy(0.36), c.w, c.sy(0.34)), fill=(60, 50, 40, 255), width=2)
    _crowd(c, d, c.sy(0.98), 12, 140)
    c.put(layer)


def scene_timber_mill(c, sky):
    horizon = c.sy(0.56)
    _sky(c, sky, horizon)
    _ground(c, horizon, (160, 140, 100), (170, 160, 130))
    _tree_line(c, horizon + 6, 200, (36, 86, 52), density=2.5)
    layer, d = c.layer()
    _factory(d, c.sx(0.05), c.sy(0.72), c.sx(0.55), 180, c.rng, colour=(214, 220, 224))
    for stack in range(3):  # stacks of sawn boards
        x0, base = c.sx(0.62) + stack * 170, c.sy(0.92) - stack * 30
        for layer_i in range(7):
            y = base - layer_i * 24
            d.rectangle((x0, y - 22, x0 + 150, y), fill=(224, 190, 140, 255))
            d.line((x0, y - 22, x0 + 150, y - 22), fill=(190, 150, 100, 255), width=2)
            d.rectangle((x0 + 10, y - 4, x0 + 20, y + 2), fill=(120, 100, 80, 255))
    for k in range(9):  # round logs, ends facing us
        lx, ly = c.sx(0.1) + (k % 5) * 74 + (k // 5) * 37, c.sy(0.94) - (k // 5) * 62
        d.ellipse(
            (lx - 36, ly - 36, lx + 36, ly + 36),
            fill=(210, 176, 120, 255),
            outline=(150, 110, 70, 255),
            width=6,
        )
        d.ellipse((lx - 12, ly - 12, lx + 12, ly + 12), outline=(170, 130, 90, 255), width=3)
    c.put(layer)


def scene_green_industry(c, sky):
    horizon = c.sy(0.5)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.45, centre=c.sx(0.75))
    _water(c, sky, horizon + 3)
    layer, d = c.layer()
    d.polygon(((0, c.sy(0.6)), (c.w, c.sy(0.66)), (c.w, c.h), (0, c.h)), fill=(104, 146, 84, 255))
    for i in range(3):
        x, base = c.sx(0.06 + i * 0.3), c.sy(0.84) - i * 14
        w = c.sx(0.26)
        d.rectangle((x, base - 120, x + w, base), fill=(232, 236, 236, 255))
        d.polygon(
            ((x - 10, base - 120), (x + w + 10, base - 120), (x + w - 20, base - 170), (x + 20, base - 170)),
            fill=(32, 62, 120, 255),
        )
        for k in range(1, 10):
            d.line(
                (x + 20 + (w - 40) * k / 10, base - 170, x - 10 + (w + 20) * k / 10, base - 120),
                fill=(140, 170, 210, 255),
                width=2,
            )
    c.put(layer)
    _tree_line(c, c.sy(1.0), 170, (44, 110, 66), density=1.3)


def scene_aerial_fields(c, sky):
    """Seen from above: a patchwork of fields, rubber blocks, roads and a corner of the lake."""
    layer, d = c.layer()
    d.rectangle((0, 0, c.w, c.h), fill=(120, 150, 90, 255))
    greens = [(86, 140, 70), (120, 166, 80), (150, 180, 96), (60, 110, 66), (176, 170, 100)]
    cells = 9
    for i in range(cells):
        for j in range(6):
            x0, y0 = i * c.w / cells + c.rng.uniform(-20, 20), j * c.h / 6 + c.rng.uniform(-20, 20)
            x1, y1 = x0 + c.w / cells + 10, y0 + c.h / 6 + 10
            colour = c.rng.choice(greens)
            d.polygon(((x0, y0), (x1, y0 + c.rng.uniform(-12, 12)), (x1, y1), (x0, y1)), fill=colour + (255,))
            if colour == (60, 110, 66):  # a rubber block: rows of round crowns
                for yy in range(int(y0) + 10, int(y1), 18):
                    for xx in range(int(x0) + 10, int(x1), 18):
                        d.ellipse((xx - 7, yy - 7, xx + 7, yy + 7), fill=(44, 96, 56, 255))
    d.polygon(
        ((c.sx(0.62), 0), (c.w, 0), (c.w, c.sy(0.6)), (c.sx(0.84), c.sy(0.42)), (c.sx(0.7), c.sy(0.2))),
        fill=sky[4] + (255,),
    )
    for _ in range(3):
        y = c.rng.uniform(c.sy(0.2), c.sy(0.9))
        d.line((0, y, c.w, y + c.rng.uniform(-150, 150)), fill=(226, 214, 190, 255), width=14)
    d.line((c.sx(0.3), 0, c.sx(0.4), c.h), fill=(226, 214, 190, 255), width=16)
    for _ in range(40):  # houses along the roads
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(0, c.h)
        d.rectangle((x, y, x + 16, y + 12), fill=(190, 90, 60, 255))
    c.put(layer, blur=1.0)


def scene_canal(c, sky):
    horizon = c.sy(0.42)
    _sky(c, sky, horizon)
    nui_cau(c, sky, horizon, scale=0.3)
    layer, d = c.layer()
    d.rectangle((0, horizon - 14, c.w, horizon + 4), fill=(176, 172, 160, 255))  # the dam, far away
    d.rectangle((0, horizon, c.w, c.h), fill=(130, 170, 70, 255))
    for k in range(26):  # rows of rice
        y = horizon + (c.h - horizon) * (k / 26) ** 1.6
        d.line((0, y, c.w, y), fill=(110, 154, 60, 255), width=1 + k // 6)
    vx = c.sx(0.5)
    d.polygon(
        ((vx - 8, horizon + 6), (vx + 8, horizon + 6), (c.sx(0.72), c.h), (c.sx(0.28), c.h)),
        fill=sky[4] + (255,),
    )
    d.line((vx - 10, horizon + 6, c.sx(0.26), c.h), fill=(170, 166, 150, 255), width=14)
    d.line((vx + 10, horizon + 6, c.sx(0.74), c.h), fill=(170, 166, 150, 255), width=14)
    c.put(layer)
    fg, fd = c.layer()
    _palm(fd, c.sx(0.12), c.sy(0.8), c.sy(0.5), c.rng, lean=0.1)
    c.put(fg)


def scene_hiking(c, sky):
    horizon = c.sy(0.72)
    _sky(c, sky, c.sy(0.55))
    nui_cau(c, sky, horizon, scale=1.7, centre=c.sx(0.55))
    layer, d = c.layer()
    pts = [
        (c.sx(0.1), c.h),
        (c.sx(0.32), c.sy(0.8)),
        (c.sx(0.28), c.sy(0.64)),
        (c.sx(0.44), c.sy(0.5)),
        (c.sx(0.5), c.sy(0.36)),
        (c.sx(0.55), c.sy(0.2)),
    ]
    d.line(pts, fill=(214, 196, 150, 255), width=22, joint="curve")
    for i in range(1, len(pts) - 1):
        x, y = pts[i]
        _person(
            d,
            x + 20,
            y + 6,
            110 - i * 12,
            c.rng.choice([(220, 60, 40), (40, 100, 180), (250, 200, 40)]),
            c.rng,
        )
    sx, sy_ = pts[-1]
    d.line((sx, sy_, sx, sy_ - 90), fill=(90, 90, 90, 255), width=5)
    d.polygon(((sx, sy_ - 90), (sx + 80, sy_ - 72), (sx, sy_ - 54)), fill=(218, 37, 29, 255))
    c.put(layer)


def scene_summit_view(c, sky):
    horizon = c.sy(0.36)
    _sky(c, sky, horizon)
    _hills(
        c,
        horizon,
        [(c.sx(0.3), 40, 300), (c.sx(0.8), 30, 260)],
        (84, 128, 110),
        sky[3],
        0.6,
        blur=3,
        texture=False,
    )
    _water(c, sky, horizon + 2)
    layer, d = c.layer()
    d.polygon(
        (
            (0, c.sy(0.62)),
            (c.sx(0.3), c.sy(0.56)),
            (c.sx(0.6), c.sy(0.66)),
            (c.w, c.sy(0.58)),
            (c.w, c.h),
            (0, c.h),
        ),
        fill=(52, 110, 64, 255),
    )
    _pagoda(d, c.sx(0.72), c.sy(0.64), c.sy(0.2), c.rng)
    for _ in range(5):
        bx, by, r = c.sx(c.rng.uniform(0.05, 0.55)), c.sy(c.rng.uniform(0.82, 0.97)), c.rng.randint(80, 140)
        d.ellipse((bx - r, by - r * 0.7, bx + r, by + r * 0.5), fill=(128, 122, 112, 255))
        d.ellipse((bx - r * 0.7, by - r * 0.62, bx + r * 0.3, by - r * 0.05), fill=(164, 158, 146, 255))
    c.put(layer)


def scene_products_table(c, sky):
    _backdrop(c, sky, c.sy(0.5), blur=10)
    layer, d = c.layer()
    d.rectangle((0, c.sy(0.78), c.w, c.h), fill=(176, 40, 40, 255))  # a red tablecloth
    d.rectangle((0, c.sy(0.78), c.w, c.sy(0.81)), fill=(206, 60, 56, 255))
    for i in range(3):  # jars of honey
        x = c.sx(0.06) + i * 130
        d.rounded_rectangle((x, c.sy(0.5), x + 110, c.sy(0.8)), radius=22, fill=(214, 138, 30, 240))
        d.rounded_rectangle((x + 12, c.sy(0.54), x + 34, c.sy(0.76)), radius=8, fill=(250, 200, 110, 200))
        d.rectangle((x + 8, c.sy(0.46), x + 102, c.sy(0.51)), fill=(236, 232, 220, 255))
    for k in range(5):  # pomelos
        x, y = c.sx(0.42) + (k % 3) * 130 + (k // 3) * 65, c.sy(0.72) - (k // 3) * 100
        d.ellipse((x - 72, y - 72, x + 72, y + 70), fill=(100, 156, 64, 255))
        d.ellipse((x - 44, y - 52, x - 6, y - 16), fill=(140, 190, 90, 255))
    x = c.sx(0.72)  # a woven basket of cashews
    d.polygon(
        ((x, c.sy(0.52)), (x + 320, c.sy(0.52)), (x + 290, c.sy(0.8)), (x + 30, c.sy(0.8))),
        fill=(196, 150, 90, 255),
    )
    for k in range(1, 8):
        d.line(
            (x + 4 * k, c.sy(0.52) + k * 34, x + 320 - 4 * k, c.sy(0.52) + k * 34),
            fill=(160, 116, 66, 255),
            width=3,
        )
    for _ in range(50):
        cx, cy = c.rng.uniform(x + 30, x + 290), c.rng.uniform(c.sy(0.47), c.sy(0.53))
        d.pieslice((cx - 18, cy - 18, cx + 18, cy + 18), 0, 200, fill=(236, 206, 150, 255))
    for k in range(3):  # three stars on a rosette: a rated product, no words needed
        rx = c.sx(0.44) + k * 70
        r = 28
        star = [
            (
                rx + r * math.cos(math.radians(-90 + j * 36)) * (1 if j % 2 == 0 else 0.45),
                c.sy(0.9) + r * math.sin(math.radians(-90 + j * 36)) * (1 if j % 2 == 0 else 0.45),
            )
            for j in range(10)
        ]
        d.polygon(star, fill=(250, 210, 60, 255))
    c.put(layer)


def scene_furniture_showroom(c, sky):
    layer, d = c.layer()
    d.rectangle((0, 0, c.w, c.sy(0.55)), fill=(236, 230, 220, 255))
    d.rectangle((0, c.sy(0.55), c.w, c.h), fill=(196, 170, 130, 255))
    for k in range(14):
        y = c.sy(0.55) + (c.h - c.sy(0.55)) * (k / 14) ** 1.3
        d.line((0, y, c.w, y), fill=(180, 152, 112, 255), width=2)
    for k in range(5):  # ceiling lights
        x = c.sx(0.1 + k * 0.2)
        d.line((x, 0, x, c.sy(0.1)), fill=(90, 90, 90, 255), width=2)
        d.chord((x - 50, c.sy(0.08), x + 50, c.sy(0.17)), 180, 360, fill=(250, 236, 190, 255))
    for k in range(3):  # wooden wall panels on show
        x = c.sx(0.12 + k * 0.3)
        d.rectangle((x, c.sy(0.18), x + c.sx(0.16), c.sy(0.44)), fill=(222, 184, 132, 255))
        for j in range(8):
            d.line(
                (x, c.sy(0.18) + j * 34, x + c.sx(0.16), c.sy(0.18) + j * 34 + 6),
                fill=(200, 160, 110, 255),
                width=3,
            )
    wood, dark = (214, 168, 112), (170, 122, 76)
    for x, base, scale in ((0.27, 0.8, 0.8), (0.73, 0.95, 1.1)):
        cx, w = c.sx(x), 420 * scale
        top = c.sy(base) - 150 * scale
        d.polygon(
            (
                (cx - w / 2, top),
                (cx + w / 2, top),
                (cx + w / 2 + 40 * scale, top + 40 * scale),
                (cx - w / 2 - 40 * scale, top + 40 * scale),
            ),
            fill=wood + (255,),
        )
        d.rectangle(
            (cx - w / 2 - 40 * scale, top + 40 * scale, cx + w / 2 + 40 * scale, top + 56 * scale),
            fill=dark + (255,),
        )
        for lx in (-w / 2 - 24 * scale, w / 2 + 4 * scale):
            d.rectangle((cx + lx, top + 56 * scale, cx + lx + 20 * scale, c.sy(base)), fill=dark + (255,))
        for side in (-1, 1):
            chx = cx + side * (w / 2 + 110 * scale)
            d.rectangle(
                (chx - 50 * scale, top - 110 * scale, chx + 50 * scale, top - 90 * scale), fill=wood + (255,)
            )
            for j in range(3):
                d.rectangle(
                    (
                        chx - 40 * scale + j * 32 * scale,
                        top - 90 * scale,
                        chx - 28 * scale + j * 32 * scale,
                        top + 30 * scale,
                    ),
                    fill=wood + (255,),
                )
            d.rectangle(
                (chx - 56 * scale, top + 30 * scale, chx + 56 * scale, top + 48 * scale), fill=wood + (255,)
            )
            d.rectangle(
                (chx - 52 * scale, top - 110 * scale, chx - 38 * scale, c.sy(base)), fill=dark + (255,)
            )
            d.rectangle(
                (chx + 38 * scale, top - 110 * scale, chx + 52 * scale, c.sy(base)), fill=dark + (255,)
            )
    c.put(layer)


SCENES = {
    name.removeprefix("scene_"): painter
    for name, painter in globals().items()
    if name.startswith("scene_") and name != "scene_for"
}


def _seed(ref, kind):
    return int.from_bytes(hashlib.sha256(f"{kind}:{ref}".encode()).digest()[:8], "big")


@functools.cache
def _vignette():
    """The mask darkening every picture's corners; the same for all, and a wide blur to make."""
    vignette = Image.new("L", SIZE, 0)
    ImageDraw.Draw(vignette).ellipse(
        (-SIZE[0] * 0.2, -SIZE[1] * 0.25, SIZE[0] * 1.2, SIZE[1] * 1.25), fill=255
    )
    return vignette.filter(ImageFilter.GaussianBlur(120))


def make_demo_image(ref: str, kind: str, title: str = "", size=SIZE, category=None) -> bytes:
    """The JPEG bytes of the picture for item `ref` (its `title` is not painted: no text in
    pixels). The same arguments always give the same picture."""
    rng = random.Random(_seed(ref, kind))
    scene = scene_for(ref, kind, category)
    canvas = Canvas(rng, SIZE)
    sky = SKIES[rng.choice(sorted(SKIES))]
    SCENES[scene](canvas, sky)
    image = canvas.img
    if rng.random() < 0.5 and scene not in ("civic", "meeting", "screens"):  # the other side of the view
        image = image.transpose(Image.FLIP_LEFT_RIGHT)
    # a little film grain, from the item's own random numbers so the picture stays reproducible
    noise = Image.frombytes("L", (SIZE[0] // 2, SIZE[1] // 2), rng.randbytes(SIZE[0] * SIZE[1] // 4))
    grain = Image.eval(noise, lambda v: 128 + (v - 128) // 20).resize(SIZE).convert("RGB")
    image = ImageChops.add(image, grain, scale=1.0, offset=-128)
    image = Image.composite(
        image, Image.blend(image, Image.new("RGB", SIZE, (20, 24, 22)), 0.35), _vignette()
    )
    if tuple(size) != SIZE:
        image = image.resize(size, Image.LANCZOS)
    out = io.BytesIO()
    # JPEG: a painted, grainy scene is photo-like; PNG with optimize took ~3 s a picture
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


if __name__ == "__main__":  # paint every scene: python -m promo.demo.images OUTDIR
    import sys
    from pathlib import Path

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    for ref, scene in DEMO_SCENES.items():
        (folder / f"{scene}-{ref}.jpg").write_bytes(make_demo_image(ref, "attraction"))
