/**
 * The surnames a person's name is told by, one list for the importer (a
 * leader in a plan: 洪湖鹏市长, 傅某某) and for questions (张三负责什么). A
 * name whose surname is missing here is read as a word, and its leader is
 * lost, so the list holds the common surnames of today's population, not the
 * few a corpus happened to show. Characters that open common words of a plan
 * (平, 元, 国, 水, 云, 强, 计, 经 …) are left out: a two-character word taken for a
 * person would drop a unit. Pure data.
 */

/** Single-character surnames, most common first. */
export const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严赖覃洪武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝萧束芮谌揭练冼钮储郁帅禹湛伏荆郦幸庹粟谈茅宦綦阙战寿危慕展辜邸晋逯鞠冀蔺眭阚雍訾郜昝檀燕冒勾奚蔚戎鄢鄂竺凤皮衣漆旷匡晁荀裘卿屠宓邰隗滑蓟';

/** Two-character surnames. */
export const COMPOUND_SURNAMES: readonly string[] = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '呼延', '万俟', '闻人', '轩辕'];
