package demo

// Merchant is a shop that offers the lender's pay-later plans at checkout. The names are
// invented for the demo.
type Merchant struct {
	ID       string   // "m_0001" … "m_0060"
	Name     string   // display name, e.g. "Harrow & Finch"
	Category string   // one of Categories, e.g. "electronics"
	Markets  []string // market codes the merchant sells in, in market.All order; read-only
}

// The merchant categories of the demo, as stored with each decision.
const (
	CategoryElectronics = "electronics"
	CategoryFashion     = "fashion"
	CategoryTravel      = "travel"
	CategoryHome        = "home"
	CategoryBeauty      = "beauty"
	CategorySports      = "sports"
	CategoryGroceries   = "groceries"
	CategoryGaming      = "gaming"
	CategoryFurniture   = "furniture"
	CategoryJewellery   = "jewellery"
)

// Categories lists the merchant categories in a stable order.
var Categories = []string{
	CategoryElectronics, CategoryFashion, CategoryTravel, CategoryHome, CategoryBeauty,
	CategorySports, CategoryGroceries, CategoryGaming, CategoryFurniture, CategoryJewellery,
}

// Category indexes, in Categories order.
const (
	catElectronics = iota
	catFashion
	catTravel
	catHome
	catBeauty
	catSports
	catGroceries
	catGaming
	catFurniture
	catJewellery
	numCategories
)

// merchantRow is one row of the merchant table: the public description plus the merchant's
// relative popularity within its category and market.
type merchantRow struct {
	m          Merchant
	popularity float64
}

// merchantTable is the fixed demo catalogue of merchants. Every category has at least one
// merchant in every market, which the tests check.
var merchantTable = []merchantRow{
	// Electronics.
	{Merchant{"m_0001", "Brightline Electronics", CategoryElectronics, []string{"US"}}, 5},
	{Merchant{"m_0002", "Circuit & Co", CategoryElectronics, []string{"US", "GB"}}, 3},
	{Merchant{"m_0003", "Nordic Pixel", CategoryElectronics, []string{"GB", "SE", "DE"}}, 3},
	{Merchant{"m_0004", "Kaufwerk Elektronik", CategoryElectronics, []string{"DE"}}, 4},
	{Merchant{"m_0005", "Halcyon Audio", CategoryElectronics, []string{"US", "GB", "SE", "DE"}}, 2},
	{Merchant{"m_0006", "Blixt Elektronik", CategoryElectronics, []string{"SE"}}, 4},
	// Fashion.
	{Merchant{"m_0007", "Harrow & Finch", CategoryFashion, []string{"GB"}}, 5},
	{Merchant{"m_0008", "Lumen Apparel", CategoryFashion, []string{"US", "GB"}}, 4},
	{Merchant{"m_0009", "Stilhaus", CategoryFashion, []string{"DE"}}, 4},
	{Merchant{"m_0010", "Fjäll & Tråd", CategoryFashion, []string{"SE"}}, 4},
	{Merchant{"m_0011", "Urban Thread", CategoryFashion, []string{"US", "GB", "SE", "DE"}}, 5},
	{Merchant{"m_0012", "Maple Row Denim", CategoryFashion, []string{"US"}}, 3},
	{Merchant{"m_0013", "Linnea Shoes", CategoryFashion, []string{"SE", "DE"}}, 2},
	// Travel.
	{Merchant{"m_0014", "Skyward Getaways", CategoryTravel, []string{"US", "GB"}}, 4},
	{Merchant{"m_0015", "Nordway Resor", CategoryTravel, []string{"SE"}}, 4},
	{Merchant{"m_0016", "Fernweh Reisen", CategoryTravel, []string{"DE"}}, 4},
	{Merchant{"m_0017", "Harbour Line Ferries", CategoryTravel, []string{"GB", "SE", "DE"}}, 2},
	{Merchant{"m_0018", "Sunset Coast Travel", CategoryTravel, []string{"US"}}, 3},
	{Merchant{"m_0019", "Railpass Europa", CategoryTravel, []string{"GB", "SE", "DE"}}, 2},
	// Home.
	{Merchant{"m_0020", "Hearth & Willow", CategoryHome, []string{"US", "GB"}}, 4},
	{Merchant{"m_0021", "Hemtrevlig", CategoryHome, []string{"SE"}}, 4},
	{Merchant{"m_0022", "Wohnwert", CategoryHome, []string{"DE"}}, 4},
	{Merchant{"m_0023", "Copperleaf Kitchen", CategoryHome, []string{"US", "GB", "SE", "DE"}}, 3},
	{Merchant{"m_0024", "Greystone Home", CategoryHome, []string{"GB"}}, 3},
	{Merchant{"m_0025", "Casa Clara", CategoryHome, []string{"US"}}, 2},
	// Beauty.
	{Merchant{"m_0026", "Glow Theory", CategoryBeauty, []string{"US", "GB"}}, 4},
	{Merchant{"m_0027", "Skönhetsbaren", CategoryBeauty, []string{"SE"}}, 4},
	{Merchant{"m_0028", "Schönwerk Kosmetik", CategoryBeauty, []string{"DE"}}, 4},
	{Merchant{"m_0029", "Velvet & Vine", CategoryBeauty, []string{"US", "GB", "DE"}}, 3},
	{Merchant{"m_0030", "Pure Fjord Skincare", CategoryBeauty, []string{"GB", "SE"}}, 2},
	{Merchant{"m_0031", "Lash Lab", CategoryBeauty, []string{"US"}}, 3},
	// Sports.
	{Merchant{"m_0032", "Summit Outfitters", CategorySports, []string{"US"}}, 4},
	{Merchant{"m_0033", "Trailhead Sports", CategorySports, []string{"US", "GB"}}, 3},
	{Merchant{"m_0034", "Fjällsport", CategorySports, []string{"SE"}}, 4},
	{Merchant{"m_0035", "Bergauf Sport", CategorySports, []string{"DE", "SE"}}, 4},
	{Merchant{"m_0036", "Peak & Pitch", CategorySports, []string{"GB"}}, 3},
	{Merchant{"m_0037", "Stride Athletics", CategorySports, []string{"US", "GB", "SE", "DE"}}, 3},
	// Groceries.
	{Merchant{"m_0038", "FreshCart", CategoryGroceries, []string{"US"}}, 5},
	{Merchant{"m_0039", "Green Basket", CategoryGroceries, []string{"GB"}}, 4},
	{Merchant{"m_0040", "Matkassen Direkt", CategoryGroceries, []string{"SE"}}, 4},
	{Merchant{"m_0041", "Frischeladen", CategoryGroceries, []string{"DE"}}, 4},
	{Merchant{"m_0042", "Pantry Club", CategoryGroceries, []string{"US", "GB"}}, 2},
	{Merchant{"m_0043", "Vollkorn Markt", CategoryGroceries, []string{"DE"}}, 2},
	// Gaming.
	{Merchant{"m_0044", "Pixel Forge Games", CategoryGaming, []string{"US", "GB"}}, 4},
	{Merchant{"m_0045", "Level Up Arcade", CategoryGaming, []string{"US"}}, 3},
	{Merchant{"m_0046", "Spelhallen", CategoryGaming, []string{"SE"}}, 4},
	{Merchant{"m_0047", "Spielwiese Digital", CategoryGaming, []string{"DE"}}, 4},
	{Merchant{"m_0048", "Quest Crate", CategoryGaming, []string{"US", "GB", "SE", "DE"}}, 3},
	{Merchant{"m_0049", "Critical Hit Store", CategoryGaming, []string{"GB"}}, 2},
	// Furniture.
	{Merchant{"m_0050", "Oak & Ember Furniture", CategoryFurniture, []string{"US"}}, 4},
	{Merchant{"m_0051", "Nordsnickeri", CategoryFurniture, []string{"SE", "DE"}}, 3},
	{Merchant{"m_0052", "Möbelhaus Weber", CategoryFurniture, []string{"DE"}}, 4},
	{Merchant{"m_0053", "Loftline Furniture", CategoryFurniture, []string{"US", "GB"}}, 3},
	{Merchant{"m_0054", "Settle Sofas", CategoryFurniture, []string{"GB"}}, 3},
	{Merchant{"m_0055", "Björkhus Möbler", CategoryFurniture, []string{"SE"}}, 3},
	// Jewellery.
	{Merchant{"m_0056", "Aurelia Jewels", CategoryJewellery, []string{"US", "GB"}}, 4},
	{Merchant{"m_0057", "Silverstrand", CategoryJewellery, []string{"SE"}}, 4},
	{Merchant{"m_0058", "Goldschmiede Adler", CategoryJewellery, []string{"DE"}}, 4},
	{Merchant{"m_0059", "Marlowe & Gold", CategoryJewellery, []string{"GB"}}, 3},
	{Merchant{"m_0060", "Facet & Stone", CategoryJewellery, []string{"US", "GB", "SE", "DE"}}, 2},
}

// Merchants returns the demo merchants, ordered by ID. The result is a fresh copy that the
// caller may modify.
func Merchants() []Merchant {
	out := make([]Merchant, len(merchantTable))
	for i, row := range merchantTable {
		out[i] = row.m
		out[i].Markets = append([]string(nil), row.m.Markets...)
	}
	return out
}

// categoryIndex returns the index of c in Categories, or -1.
func categoryIndex(c string) int {
	for i, name := range Categories {
		if name == c {
			return i
		}
	}
	return -1
}
