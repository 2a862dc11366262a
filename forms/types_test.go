package forms

// The applicant type IDs of the 2024 call's [applicant_types], for the
// tests: the program itself knows no type ID (the call file says what each
// type must have).
const (
	TypeProvincialSociety = "provincial_society"
	TypeUniversitySAT     = "university_sat"
	TypeEnterpriseSAT     = "enterprise_sat"
	TypeResearchInstitute = "research_institute"
	TypeUniversity        = "university"
	TypeCitySAT           = "city_sat"
)
