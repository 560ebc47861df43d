// Package settings loads the function's settings.
package settings

import "example.test/initwork/chain/settings/remote"

// Settings are the function's settings.
type Settings struct{ Raw []byte }

// MustLoad loads the settings or panics.
func MustLoad() Settings { // want MustLoad:`initwork\(network call http.Get.* \(via remote.Download\)\)`
	b, err := remote.Download("https://settings.example.invalid/")
	if err != nil {
		panic(err)
	}
	return Settings{Raw: b}
}

// Empty returns empty settings without any call.
func Empty() Settings { return Settings{} }
