"""Slugs are readable stable ASCII; configuration comes from site.yml and flags."""

from pathlib import Path

import pytest

from reportsite.config import ConfigError, load_config
from reportsite.model import Period, Region
from reportsite.slugs import report_slug


def test_slug_from_region_and_year():
    assert report_slug(Region("临安市", "杭州市"), Period(2015, 2015), "标题", set()) == "linan-2015"
    assert report_slug(Region("杭州市"), Period(2013, 2017), "标题", set()) == "hangzhou-2013-2017"


def test_an_autonomous_regions_slug_is_its_own_name_without_its_peoples():
    from reportsite.slugs import region_slug

    assert [region_slug(n) for n in ["延边朝鲜族自治州", "广西壮族自治区", "新疆维吾尔自治区", "恩施土家族苗族自治州",
                                     "互助土族自治县", "内蒙古自治区", "鄂温克族自治旗"]] == [
        "yanbian", "guangxi", "xinjiang", "enshi", "huzhu", "neimenggu", "ewenkezu"]  # a name that is its people: kept


def test_slug_is_unique():
    assert report_slug(Region("余杭区"), Period(2016, 2016), "标题", {"yuhang-2016"}) == "yuhang-2016-2"


def test_slug_without_region_uses_title():
    slug = report_slug(None, None, "职工之家建设", set())
    assert slug == "zhi-gong-zhi-jia"


def test_config_defaults_and_overrides(tmp_path: Path):
    (tmp_path / "site.yml").write_text("title: 档案\nbase_url: https://u.github.io/repo/\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.title == "档案" and config.base_path == "/repo/"
    assert config.with_overrides(site="out").site_dir == tmp_path.resolve() / "out"


def test_config_errors_name_the_file(tmp_path: Path):
    (tmp_path / "site.yml").write_text("title: [档案\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="site.yml:"):
        load_config(tmp_path)
    (tmp_path / "site.yml").write_text("titel: 档案\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(tmp_path)


def test_paths_are_shown_relative_to_the_project(tmp_path: Path):
    config = load_config(tmp_path)
    assert config.display(tmp_path / "content" / "a.md") == "content/a.md"
    assert config.display(Path("/elsewhere/b.md")) == "/elsewhere/b.md"


@pytest.mark.parametrize(("name", "slug"), [
    ("闵行区", "minhang"), ("长治市", "changzhi"), ("长宁区", "changning"), ("天长市", "tianchang"), ("朝阳区", "chaoyang"),
    ("长子县", "zhangzi"), ("单县", "shanxian"), ("涡阳县", "guoyang"), ("六合区", "luhe"),  # read as the place is named
    ("于都县", "yudu"), ("昆都仑区", "kundulun"), ("成都市", "chengdu"),  # 都 dū of a place, not dōu
    ("漯河市", "luohe"), ("浚县", "xunxian"), ("筠连县", "junlian"), ("珲春市", "hunchun"), ("繁峙县", "fanshi"),
    ("什邡市", "shifang"),  # a place's own reading of a character read otherwise elsewhere
    ("长沙市", "changsha"), ("重庆市", "chongqing"), ("临安市", "linan"), ("余杭区", "yuhang"),  # pypinyin's reading stands
])
def test_a_regions_slug_reads_its_name_as_the_place_is_called(name, slug):
    from reportsite.slugs import region_slug

    assert region_slug(name) == slug
