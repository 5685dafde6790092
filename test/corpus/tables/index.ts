/** Every corpus table (a test checks that this lists each file of the folder). */
import type { CorpusTable } from "../format";
import anhui2021JinzhaiProperty from "./anhui-2021-jinzhai-property";
import anhui2022TangxiCommissionSelfeval from "./anhui-2022-tangxi-commission-selfeval";
import anhui2022TangxiVillageSelfeval from "./anhui-2022-tangxi-village-selfeval";
import anhui2025JinanTennis from "./anhui-2025-jinan-tennis";
import chongqing2022RongchangGreening from "./chongqing-2022-rongchang-greening";
import chongqing2023TongnanWuguiList from "./chongqing-2023-tongnan-wugui-list";
import fujian2017TaibaoSubsidy from "./fujian-2017-taibao-subsidy";
import fujian2019NingdeFangzhiDept from "./fujian-2019-ningde-fangzhi-dept";
import fujian2022AnxiWater from "./fujian-2022-anxi-water";
import fujian2023LongyanReligion from "./fujian-2023-longyan-religion";
import fujian2025XiuyuWater from "./fujian-2025-xiuyu-water";
import guangdong2019DongguanRoad from "./guangdong-2019-dongguan-road";
import hebei2019LangfangFoodSchoolHeatingSelfeval from "./hebei-2019-langfang-food-school-heating-selfeval";
import hubei2020QingshanEducationInfra from "./hubei-2020-qingshan-education-infra";
import hubei2020QingshanSchools from "./hubei-2020-qingshan-schools";
import hunan2018NanyueTourismBase from "./hunan-2018-nanyue-tourism-base";
import hunan2022YueyangFarmland from "./hunan-2022-yueyang-farmland";
import hunan2023NanyueYulu from "./hunan-2023-nanyue-yulu";
import hunan2023XiangtanFogcannon from "./hunan-2023-xiangtan-fogcannon";
import hunan2023YueyanglouPriceDept from "./hunan-2023-yueyanglou-price-dept";
import neimenggu2021WuhaiRecycling from "./neimenggu-2021-wuhai-recycling";
import neimenggu2024GanqimaoduSelfeval from "./neimenggu-2024-ganqimaodu-selfeval";
import ningxia2022YuanzhouAfforestation from "./ningxia-2022-yuanzhou-afforestation";
import shaanxi2020ChencangWater from "./shaanxi-2020-chencang-water";
import shaanxi2021QingjianOrchardRoads from "./shaanxi-2021-qingjian-orchard-roads";
import shanghai2022PutuoSportsSelfeval from "./shanghai-2022-putuo-sports-selfeval";
import sichuan2022ZhongjiangWaterGaugeSelfeval from "./sichuan-2022-zhongjiang-water-gauge-selfeval";
import sichuan2023JingyanMataFlat from "./sichuan-2023-jingyan-mata-flat";
import sichuan2023QingshenWagesSelfeval from "./sichuan-2023-qingshen-wages-selfeval";
import tianjin2022BaodiManure from "./tianjin-2022-baodi-manure";
import xinjiang2021AralLiutuanColdstore from "./xinjiang-2021-aral-liutuan-coldstore";
import yunnan2022ChangningPigFarmSelfeval from "./yunnan-2022-changning-pig-farm-selfeval";
import zhejiang2023CixiChildcare from "./zhejiang-2023-cixi-childcare";

export const CORPUS: readonly CorpusTable[] = [
  anhui2021JinzhaiProperty,
  anhui2022TangxiCommissionSelfeval,
  anhui2022TangxiVillageSelfeval,
  anhui2025JinanTennis,
  chongqing2022RongchangGreening,
  chongqing2023TongnanWuguiList,
  fujian2017TaibaoSubsidy,
  fujian2019NingdeFangzhiDept,
  fujian2022AnxiWater,
  fujian2023LongyanReligion,
  fujian2025XiuyuWater,
  guangdong2019DongguanRoad,
  hebei2019LangfangFoodSchoolHeatingSelfeval,
  hubei2020QingshanEducationInfra,
  hubei2020QingshanSchools,
  hunan2018NanyueTourismBase,
  hunan2022YueyangFarmland,
  hunan2023NanyueYulu,
  hunan2023XiangtanFogcannon,
  hunan2023YueyanglouPriceDept,
  neimenggu2021WuhaiRecycling,
  neimenggu2024GanqimaoduSelfeval,
  ningxia2022YuanzhouAfforestation,
  shaanxi2020ChencangWater,
  shaanxi2021QingjianOrchardRoads,
  shanghai2022PutuoSportsSelfeval,
  sichuan2022ZhongjiangWaterGaugeSelfeval,
  sichuan2023JingyanMataFlat,
  sichuan2023QingshenWagesSelfeval,
  tianjin2022BaodiManure,
  xinjiang2021AralLiutuanColdstore,
  yunnan2022ChangningPigFarmSelfeval,
  zhejiang2023CixiChildcare,
];
